# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15 in ops_training: states move only through their steps, nobody
decides their own case (promotions, levels, attendance, plans,
evaluations), one rule for an employee's manager, bounded values — each
case as the user who tried it, with that user's rights."""

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.ops_org.tests.common import (
    OPS_DECISION_CASES,
    OPS_SAMPLES,
    OpsOrgCommon,
    ops_user,
)

from . import ops_cases

HR = "ops_org.ops_org_group_hr"
EMPLOYEE = "ops_org.ops_org_group_employee"


class TrainingRulesCommon(OpsOrgCommon):
    """OpsOrgCommon's roles; an HR officer who is an employee on a
    three-level track (Junior), a second HR officer, a planned session
    trained by ``user_head`` with ``emp_employee`` enrolled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, ops_training_no_onboarding=True))
        cls.hr_officer = ops_user(cls.env, "ops_rules_hr", HR, cls.company)
        cls.hr_other = ops_user(cls.env, "ops_rules_hr_2", HR, cls.company)
        Employee = cls.env["hr.employee"]
        cls.emp_hr = Employee.create(
            {"name": "HR Officer", "user_id": cls.hr_officer.id, "department_id": cls.department.id}
        )
        cls.emp_hr_other = Employee.create({"name": "HR Other", "user_id": cls.hr_other.id})
        cls.track = cls.env["ops.career.track"].create({"name": "Rules", "kind": "management"})
        cls.junior, cls.middle, cls.senior = cls.env["ops.career.level"].create(
            [
                {"name": "Junior", "track_id": cls.track.id, "sequence": 10},
                {"name": "Middle", "track_id": cls.track.id, "sequence": 20},
                {"name": "Senior", "track_id": cls.track.id, "sequence": 30},
            ]
        )
        cls.hr_position = cls.position(cls.emp_hr)
        cls.employee_position = cls.position(cls.emp_employee)
        cls.programme = cls.env["ops.training.programme"].create(
            {"name": "Editing", "kind": "skill", "method": "internal", "capacity": 3}
        )
        cls.training_session = cls.env["ops.training.session"].create(
            {
                "name": "June",
                "programme_id": cls.programme.id,
                "trainer_user_id": cls.user_head.id,
                "capacity": 3,
                "date_start": "2030-06-03 09:00:00",
                "date_end": "2030-06-03 17:00:00",
                "cost": 500,
            }
        )
        cls.enrolment = cls.env["ops.training.enrolment"].create(
            {"session_id": cls.training_session.id, "employee_id": cls.emp_employee.id}
        )

    @classmethod
    def position(cls, employee, level=None):
        return cls.env["ops.career.position"].create(
            {
                "employee_id": employee.id,
                "track_id": cls.track.id,
                "level_id": (level or cls.junior).id,
                "date_start": "2020-01-01",
            }
        )

    def promotion(self, position, level, **vals):
        return self.env["ops.career.promotion"].create(
            {"position_id": position.id, "to_level_id": level.id, **vals}
        )


@tagged("post_install", "-at_install", "ops_access")
class TestPromotionRules(TrainingRulesCommon):
    def test_done_promotion_written_back_to_candidate_is_refused(self):
        promotion = self.promotion(self.employee_position, self.middle)
        promotion.with_user(self.hr_officer).action_promote()
        self.assertEqual(promotion.state, "done")
        as_hr = promotion.with_user(self.hr_officer)
        self.assertRefused(as_hr.write, {"state": "candidate"})
        self.assertRefused(as_hr.write, {"date_done": False})
        self.assertRefused(as_hr.write, {"override_user_id": self.hr_officer.id})
        self.assertRefused(as_hr.write, {"to_level_id": self.senior.id})
        self.assertRefused(as_hr.action_promote)
        self.assertRefused(as_hr.action_cancel)
        promotion.invalidate_recordset()
        self.assertEqual(promotion.state, "done")
        self.assertEqual(promotion.to_level_id, self.middle)
        self.assertEqual(self.employee_position.level_id, self.middle)

    def test_promotion_starts_from_the_level_of_its_position(self):
        Promotion = self.env["ops.career.promotion"].with_user(self.hr_officer)
        self.assertRefused(
            Promotion.create,
            {
                "position_id": self.employee_position.id,
                "to_level_id": self.middle.id,
                "from_level_id": self.senior.id,
            },
        )
        self.assertRefused(
            Promotion.create,
            {
                "position_id": self.employee_position.id,
                "to_level_id": self.middle.id,
                "state": "done",
            },
        )
        promotion = Promotion.create(
            {"position_id": self.employee_position.id, "to_level_id": self.middle.id}
        )
        self.assertEqual(promotion.from_level_id, self.junior)
        self.assertRefused(promotion.write, {"position_id": self.hr_position.id})

    def test_hr_setting_their_own_level_is_refused(self):
        position = self.hr_position.with_user(self.hr_officer)
        self.assertRefused(position.write, {"level_id": self.senior.id})
        self.assertRefused(position.write, {"date_start": "2000-01-01"})
        # Nobody writes a level: a promotion moves it.
        self.assertRefused(
            self.hr_position.with_user(self.hr_other).write, {"level_id": self.senior.id}
        )
        self.assertRefused(
            self.employee_position.with_user(self.hr_officer).write, {"employee_id": self.emp_hr.id}
        )
        self.hr_position.invalidate_recordset()
        self.assertEqual(self.hr_position.level_id, self.junior)
        self.assertEqual(str(self.hr_position.date_start), "2020-01-01")

    def test_hr_placing_themselves_is_refused_another_hr_places_them(self):
        track = self.env["ops.career.track"].create({"name": "Tech", "kind": "technical"})
        level = self.env["ops.career.level"].create({"name": "Lead", "track_id": track.id})
        vals = {"employee_id": self.emp_hr.id, "track_id": track.id, "level_id": level.id}
        Position = self.env["ops.career.position"]
        self.assertRefused(Position.with_user(self.hr_officer).create, vals)
        self.assertFalse(Position.search([("track_id", "=", track.id)]))
        placed = Position.with_user(self.hr_other).create(vals)
        self.assertEqual(placed.level_id, level)
        # The date the officer entered the level is set by others too.
        placed.with_user(self.hr_other).date_start = "2025-01-01"

    def test_hr_promoting_themselves_two_levels_is_refused(self):
        promotion = self.promotion(
            self.hr_position, self.senior, override=True, override_reason="I lead the studio"
        )
        self.assertRefused(promotion.with_user(self.hr_officer).action_promote)
        one_level = self.promotion(self.hr_position, self.middle)
        self.assertRefused(one_level.with_user(self.hr_officer).action_promote)
        self.assertRefused(one_level.with_user(self.hr_officer).write, {"override": True})
        self.assertEqual((promotion.state, one_level.state), ("candidate", "candidate"))
        self.assertEqual(self.hr_position.level_id, self.junior)
        self.assertFalse(promotion.override_user_id)
        # Another HR officer decides it.
        one_level.with_user(self.hr_other).action_promote()
        self.assertEqual(self.hr_position.level_id, self.middle)

    def test_skipping_a_level_needs_the_override_with_its_reason(self):
        promotion = self.promotion(self.employee_position, self.senior)
        as_hr = promotion.with_user(self.hr_officer)
        error = self.assertRefused(as_hr.action_promote)
        self.assertIn("would skip Middle", str(error))
        as_hr.override = True
        self.assertRefused(as_hr.action_promote)
        self.assertEqual(self.employee_position.level_id, self.junior)
        as_hr.override_reason = "Ran the studio for two years"
        as_hr.action_promote()
        self.assertEqual(self.employee_position.level_id, self.senior)
        self.assertEqual(promotion.override_user_id, self.hr_officer)
        log = promotion.message_ids.filtered(lambda m: "Levels skipped" in (m.body or ""))
        self.assertIn("Middle", log.body)
        self.assertIn("Ran the studio", log.body)

    def test_promotion_proposed_before_another_is_refused(self):
        first = self.promotion(self.employee_position, self.middle)
        second = self.promotion(self.employee_position, self.middle)
        first.with_user(self.hr_officer).action_promote()
        error = self.assertRefused(second.with_user(self.hr_officer).action_promote)
        self.assertIn("propose it again", str(error))
        self.assertEqual(second.state, "candidate")

    def test_only_hr_looks_for_candidates(self):
        self.assertRefused(
            self.env["ops.career.position"].with_user(self.user_employee).action_find_candidates
        )
        action = self.env["ops.career.position"].with_user(self.hr_officer).action_find_candidates()
        self.assertEqual(action["res_model"], "ops.career.promotion")


@tagged("post_install", "-at_install", "ops_access")
class TestTrainingStates(TrainingRulesCommon):
    def test_session_state_written_directly_is_refused(self):
        for user in (self.hr_officer, self.user_head):
            session = self.training_session.with_user(user)
            self.assertRefused(session.write, {"state": "done"})
            self.assertRefused(session.write, {"state": "cancelled"})
        self.assertRefused(
            self.env["ops.training.session"].with_user(self.hr_officer).create,
            {
                "name": "Done already",
                "programme_id": self.programme.id,
                "date_start": "2030-07-01 09:00:00",
                "date_end": "2030-07-01 10:00:00",
                "state": "done",
            },
        )
        self.assertEqual(self.training_session.state, "planned")
        self.assertFalse(self.training_session.evaluation_ids)
        # Through the step it closes, as its trainer.
        self.training_session.with_user(self.user_head).action_done()
        self.assertEqual(self.training_session.state, "done")
        self.assertEqual(self.enrolment.state, "absent")
        self.assertRefused(self.training_session.with_user(self.hr_officer).unlink)

    def test_enrolment_state_written_directly_is_refused(self):
        for user in (self.hr_officer, self.user_head):
            self.assertRefused(self.enrolment.with_user(user).write, {"state": "attended"})
        self.assertRefused(
            self.enrolment.with_user(self.user_head).write, {"employee_id": self.emp_hr.id}
        )
        self.assertRefused(
            self.env["ops.training.enrolment"].with_user(self.user_employee).create,
            {
                "session_id": self.training_session.copy({"name": "July"}).id,
                "employee_id": self.emp_employee.id,
                "state": "attended",
            },
        )
        self.assertEqual(self.enrolment.state, "enrolled")
        self.assertEqual(self.enrolment.employee_id, self.emp_employee)

    def test_nobody_marks_their_own_attendance(self):
        own = self.env["ops.training.enrolment"].create(
            {"session_id": self.training_session.id, "employee_id": self.emp_head.id}
        )
        hr_seat = self.env["ops.training.enrolment"].create(
            {"session_id": self.training_session.id, "employee_id": self.emp_hr.id}
        )
        self.assertRefused(own.with_user(self.user_head).action_attended)
        self.assertRefused(hr_seat.with_user(self.hr_officer).action_attended)
        self.assertEqual((own.state, hr_seat.state), ("enrolled", "enrolled"))
        hr_seat.with_user(self.user_head).action_attended()
        own.with_user(self.hr_officer).action_attended()
        self.assertEqual((own.state, hr_seat.state), ("attended", "attended"))

    def test_attendance_is_final_once_the_session_is_closed(self):
        self.enrolment.with_user(self.user_head).action_attended()
        self.enrolment.with_user(self.user_head).action_absent()
        self.enrolment.with_user(self.user_head).action_attended()
        self.training_session.with_user(self.user_head).action_done()
        self.assertRefused(self.enrolment.with_user(self.hr_officer).action_absent)
        self.assertEqual(self.enrolment.state, "attended")

    def test_only_the_employee_or_hr_gives_a_seat_back(self):
        self.assertRefused(self.enrolment.with_user(self.user_head).action_cancel)
        self.assertEqual(self.enrolment.state, "enrolled")
        self.enrolment.with_user(self.user_employee).action_cancel()
        self.assertEqual(self.enrolment.state, "cancelled")

    def test_need_state_written_directly_is_refused(self):
        need = self.env["ops.training.need"].create(
            {"name": "Editing", "employee_id": self.emp_hr.id, "programme_id": self.programme.id}
        )
        self.assertRefused(need.with_user(self.hr_officer).write, {"state": "done"})
        self.assertRefused(need.with_user(self.user_employee).action_cancel)
        self.assertEqual(need.state, "open")
        need.with_user(self.hr_other).action_enrol()
        self.assertEqual(need.state, "planned")
        self.assertEqual(need.enrolment_ids.session_id, self.training_session)

    def test_an_enrolment_answers_its_employees_need_only(self):
        need = self.env["ops.training.need"].create(
            {"name": "Editing", "employee_id": self.emp_hr.id}
        )
        self.assertRefused(
            self.env["ops.training.enrolment"].with_user(self.user_employee).create,
            {
                "session_id": self.training_session.id,
                "employee_id": self.emp_head.id,
                "need_id": need.id,
            },
        )

    def _attended(self):
        self.enrolment.with_user(self.user_head).action_attended()
        self.training_session.with_user(self.user_head).action_done()
        return self.training_session.evaluation_ids

    def test_evaluation_is_given_in_the_attendees_name_only(self):
        evaluation = self._attended()
        self.assertEqual(evaluation.user_id, self.user_employee)
        Evaluation = self.env["ops.training.evaluation"]
        # Another attendee's name, a given state, or someone else's ratings: refused.
        self.assertRefused(
            Evaluation.with_user(self.hr_officer).create,
            {"session_id": self.training_session.id, "user_id": self.user_employee.id},
        )
        mine = evaluation.with_user(self.user_employee)
        self.assertRefused(mine.write, {"state": "done"})
        self.assertRefused(mine.write, {"user_id": self.user_head.id})
        self.assertRefused(evaluation.with_user(self.hr_officer).write, {"score_trainer": 1})
        self.assertRefused(mine.action_submit)
        self.assertEqual(evaluation.state, "pending")
        mine.write({"score_content": 5, "score_method": 4, "score_trainer": 5})
        mine.action_submit()
        self.assertEqual(evaluation.state, "done")

    def test_the_trainer_does_not_evaluate_their_session(self):
        own = self.env["ops.training.enrolment"].create(
            {"session_id": self.training_session.id, "employee_id": self.emp_head.id}
        )
        own.with_user(self.hr_officer).action_attended()
        self.enrolment.with_user(self.hr_officer).action_attended()
        self.training_session.with_user(self.user_head).action_done()
        self.assertEqual(self.training_session.evaluation_ids.user_id, self.user_employee)
        self.assertRefused(
            self.env["ops.training.evaluation"].with_user(self.user_head).create,
            {"session_id": self.training_session.id},
        )

    def test_ratings_stay_within_their_scale(self):
        evaluation = self._attended().with_user(self.user_employee)
        for score in (-1, 6, 1_000_000):
            self.assertRefused(evaluation.write, {"score_content": score})
        self.assertEqual(evaluation.score_content, 0)

    def test_survey_on_another_scale_gives_a_rating_within_the_scale(self):
        self.env.ref("ops_training.survey_training_evaluation_q_trainer").write(
            {"scale_min": 0, "scale_max": 10}
        )
        evaluation = self._attended()
        answer = evaluation.user_input_id
        for aspect, value in (("content", 5), ("method", 1), ("trainer", 10)):
            question = answer.survey_id.question_ids.filtered(
                lambda q, a=aspect: q.ops_training_aspect == a
            )
            answer._save_lines(question, value)
        answer._mark_done()
        self.assertEqual(
            (evaluation.score_content, evaluation.score_method, evaluation.score_trainer),
            (5, 1, 5),
        )
        self.assertEqual(evaluation.state, "done")


@tagged("post_install", "-at_install", "ops_access")
class TestPlanRules(TrainingRulesCommon):
    def plan(self, employee, **vals):
        return self.env["ops.development.plan"].create(
            {"employee_id": employee.id, "goal": "Lead a team", **vals}
        )

    def test_employee_does_not_approve_their_own_plan(self):
        plan = self.plan(self.emp_employee)
        self.assertRefused(plan.with_user(self.user_employee).action_activate)
        self.assertRefused(plan.with_user(self.user_employee).write, {"state": "active"})
        self.assertRefused(plan.with_user(self.user_employee).write, {"review_note": "Agreed."})
        hr_plan = self.plan(self.emp_hr)
        self.assertRefused(hr_plan.with_user(self.hr_officer).action_activate)
        self.assertRefused(hr_plan.with_user(self.hr_officer).write, {"state": "active"})
        self.assertEqual((plan.state, hr_plan.state), ("draft", "draft"))
        hr_plan.with_user(self.hr_other).action_activate()
        self.assertRefused(hr_plan.with_user(self.hr_officer).action_done)
        hr_plan.with_user(self.hr_other).action_done()
        self.assertEqual(hr_plan.state, "done")

    def test_hr_is_not_the_adviser_of_their_own_plan(self):
        Plan = self.env["ops.development.plan"].with_user(self.hr_officer)
        own = Plan.create({"employee_id": self.emp_hr.id, "goal": "Head of HR"})
        self.assertFalse(own.hr_user_id)
        self.assertEqual(
            Plan.create({"employee_id": self.emp_head.id, "goal": "X"}).hr_user_id, self.hr_officer
        )
        self.assertRefused(own.write, {"hr_user_id": self.hr_officer.id})
        self.assertRefused(
            Plan.create,
            {"employee_id": self.emp_hr.id, "goal": "X", "hr_user_id": self.hr_officer.id},
        )


@tagged("post_install", "-at_install")
class TestManagerRule(TrainingRulesCommon):
    def test_records_follow_the_one_manager_rule(self):
        need = self.env["ops.training.need"].create(
            {"name": "Editing", "employee_id": self.emp_employee.id}
        )
        plan = self.env["ops.development.plan"].create(
            {"employee_id": self.emp_head.id, "goal": "Head of QA"}
        )
        head_position = self.position(self.emp_head)
        self.assertEqual(self.employee_position.manager_user_id, self.user_head)
        self.assertEqual(self.enrolment.manager_user_id, self.user_head)
        self.assertEqual(need.manager_user_id, self.user_head)
        # The head of a department is not their own manager: the head above,
        # here (no department above) Leadership.
        for record in (plan, head_position):
            self.assertTrue(record.manager_user_id)
            self.assertNotEqual(record.manager_user_id, self.user_head)
            self.assertIn(record.manager_user_id, self.user_leader | self.user_leader_2)
        director = ops_user(self.env, "ops_rules_director", EMPLOYEE, self.company)
        upper = self.env["hr.department"].create(
            {
                "name": "Operations",
                "manager_id": self.env["hr.employee"]
                .create({"name": "Director", "user_id": director.id})
                .id,
            }
        )
        self.department.parent_id = upper
        self.assertEqual(plan.manager_user_id, director)
        self.assertEqual(head_position.manager_user_id, director)
        # The record rules follow: the head above reads the head's plan.
        self.assertEqual(self.env["ops.development.plan"].with_user(director).search([]), plan)


@tagged("post_install", "-at_install")
class TestTrainingBounds(TrainingRulesCommon):
    def test_seats_costs_and_months_are_bounded(self):
        session = self.training_session.with_user(self.hr_officer)
        for vals in ({"cost": -1}, {"cost": 1e15}, {"capacity": 0}, {"capacity": -3}):
            self.assertRefused(session.write, vals)
        self.assertRefused(self.programme.with_user(self.hr_officer).write, {"capacity": -5})
        self.assertRefused(self.junior.with_user(self.hr_officer).write, {"min_months": -1})
        self.assertRefused(
            session.write, {"date_start": "1800-01-01 09:00:00", "date_end": "1800-01-01 10:00:00"}
        )
        self.assertEqual((session.cost, session.capacity), (500, 3))


@tagged("post_install", "-at_install", "ops_access")
class TestTrainingCases(OpsOrgCommon):
    """The samples and decision cases this addon gives the suite's registry
    tests: each sample in its first state, each decision refused to the
    person it is about."""

    def test_samples_are_in_their_first_state(self):
        models = {
            "ops.career.promotion": "candidate",
            "ops.training.session": "planned",
            "ops.training.enrolment": "enrolled",
            "ops.training.evaluation": "pending",
            "ops.training.need": "open",
            "ops.development.plan": "draft",
        }
        for model, state in models.items():
            with self.subTest(model=model):
                record = OPS_SAMPLES[model](self)
                self.assertEqual((record._name, record.state), (model, state))

    def test_every_decision_case_is_refused(self):
        cases = [
            key
            for key in OPS_DECISION_CASES
            if OPS_DECISION_CASES[key].__module__ == ops_cases.__name__
        ]
        self.assertEqual(len(cases), 13)
        for key in cases:
            with self.subTest(case=key):
                self.assertRefused(OPS_DECISION_CASES[key](self))


@tagged("post_install", "-at_install", "ops_access")
class TestTrainingRulesOverJsonRpc(TrainingRulesCommon, HttpCase):
    def call_kw(self, model, method, args):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": {}}
        )

    def test_done_promotion_and_own_level_refused_over_json_rpc(self):
        promotion = self.promotion(self.employee_position, self.middle)
        promotion.with_user(self.hr_other).action_promote()
        self.authenticate("ops_rules_hr", "ops_rules_hr")
        with self.assertRaises(JsonRpcException) as caught:
            self.call_kw(promotion._name, "write", [promotion.ids, {"state": "candidate"}])
        self.assertIn("odoo.exceptions.AccessError", str(caught.exception))
        with self.assertRaises(JsonRpcException):
            self.call_kw(
                self.hr_position._name,
                "write",
                [self.hr_position.ids, {"level_id": self.senior.id}],
            )
        promotion.invalidate_recordset()
        self.hr_position.invalidate_recordset()
        self.assertEqual(promotion.state, "done")
        self.assertEqual(self.hr_position.level_id, self.junior)
