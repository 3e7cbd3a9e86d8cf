# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from odoo.addons.ops_org.tests.common import ops_user

from .common import TrainingCommon


@tagged("post_install", "-at_install", "ops_access")
class TestTrainingAccess(TrainingCommon):
    """One test per ACL row and per record rule of ops_training."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.enrolment.state = "attended"
        cls.evaluation = cls.env["ops.training.evaluation"].create(
            {"session_id": cls.training_session.id, "user_id": cls.user_employee.id}
        )
        cls.outsider_session = cls.training_session.copy({"name": "Outsider's", "state": "done"})
        cls.outsider_session.trainer_user_id = cls.user_hr
        cls.outsider_enrolment = cls.enrol(
            cls.emp_outsider, cls.training_session.copy({"name": "Other"})
        )
        cls.need = cls.env["ops.training.need"].create(
            {"name": "Editing", "employee_id": cls.emp_employee.id}
        )
        cls.outsider_need = cls.env["ops.training.need"].create(
            {"name": "Editing", "employee_id": cls.emp_outsider.id}
        )
        cls.pos = cls.position(cls.emp_employee)
        cls.outsider_pos = cls.position(cls.emp_outsider)
        cls.promotion = cls.env["ops.career.promotion"].create(
            {"position_id": cls.pos.id, "to_level_id": cls.level_middle.id}
        )
        cls.dev_plan = cls.plan(cls.emp_employee, action_ids=[(0, 0, {"name": "Mentoring"})])
        cls.outsider_plan = cls.plan(cls.emp_outsider, action_ids=[(0, 0, {"name": "Course"})])
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Editing",
                "skill_ids": [(0, 0, {"name": "Premiere"})],
                "skill_level_ids": [(0, 0, {"name": "Beginner", "level_progress": 20})],
            }
        )
        cls.requirement = cls.env["ops.career.level.skill"].create(
            {
                "level_id": cls.level_junior.id,
                "skill_type_id": cls.skill_type.id,
                "skill_id": cls.skill_type.skill_ids.id,
                "skill_level_id": cls.skill_type.skill_level_ids.id,
            }
        )
        cls._other_company_records()

    @classmethod
    def _other_company_records(cls):
        company = cls.env["res.company"].create({"name": "Other Media Co"})
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))
        user = ops_user(cls.env, "ops_other_employee", "ops_org.ops_org_group_employee", company)
        employee = env["hr.employee"].create(
            {"name": "Other", "user_id": user.id, "company_id": company.id}
        )
        programme = env["ops.training.programme"].create(
            {"name": "Other", "company_id": company.id}
        )
        session = env["ops.training.session"].create(
            {
                "name": "Other",
                "programme_id": programme.id,
                "date_start": "2030-12-01 09:00:00",
                "date_end": "2030-12-01 17:00:00",
            }
        )
        enrolment = env["ops.training.enrolment"].create(
            {"session_id": session.id, "employee_id": employee.id, "state": "attended"}
        )
        track = env["ops.career.track"].create(
            {"name": "Other", "kind": "technical", "company_id": company.id}
        )
        level = env["ops.career.level"].create({"name": "Other", "track_id": track.id})
        position = env["ops.career.position"].create(
            {"employee_id": employee.id, "track_id": track.id, "level_id": level.id}
        )
        plan = env["ops.development.plan"].create(
            {
                "employee_id": employee.id,
                "goal": "Other",
                "company_id": company.id,
                "action_ids": [(0, 0, {"name": "Other"})],
            }
        )
        cls.other = {
            "ops.training.programme": programme,
            "ops.training.session": session,
            "ops.training.enrolment": enrolment,
            "ops.training.evaluation": env["ops.training.evaluation"].create(
                {"session_id": session.id, "user_id": user.id}
            ),
            "ops.training.need": env["ops.training.need"].create(
                {"name": "Other", "employee_id": employee.id, "company_id": company.id}
            ),
            "ops.career.track": track,
            "ops.career.level": level,
            "ops.career.level.skill": env["ops.career.level.skill"].create(
                {
                    "level_id": level.id,
                    "skill_type_id": cls.skill_type.id,
                    "skill_id": cls.skill_type.skill_ids.id,
                    "skill_level_id": cls.skill_type.skill_level_ids.id,
                }
            ),
            "ops.career.position": position,
            "ops.career.promotion": env["ops.career.promotion"].create(
                {"position_id": position.id, "to_level_id": level.id}
            ),
            "ops.development.plan": plan,
            "ops.development.plan.action": plan.action_ids,
        }

    def _search(self, model):
        return self.env[model].search([])

    def _read_only(self, record, vals):
        record = record.with_env(self.env)
        record.read(list(vals))
        with self.assertRaises(AccessError):
            record.write(vals)
        with self.assertRaises(AccessError):
            record.copy()

    def _manages(self, model, vals):
        record = self.env[model].create(vals)
        record.write({k: v for k, v in vals.items() if k == "name"} or vals)
        record.unlink()

    def _other_company_hidden(self, model):
        record = self.other[model]
        self.assertTrue(record.exists())
        self.assertNotIn(record, self.env[model].search([]))
        with self.assertRaises(AccessError):
            record.with_env(self.env).read(["id"])

    # -- ACL rows ------------------------------------------------------------

    @users("ops_employee")
    def test_employee_reads_topics(self):
        # access_ops_training_topic_employee
        self._read_only(self.env.ref("ops_training.ops_training_topic_culture"), {"name": "X"})

    @users("ops_hr")
    def test_hr_manages_topics(self):
        # access_ops_training_topic_hr
        self._manages("ops.training.topic", {"name": "Storytelling"})

    @users("ops_employee")
    def test_employee_reads_programmes(self):
        # access_ops_training_programme_employee
        self._read_only(self.programme, {"name": "X"})

    @users("ops_hr")
    def test_hr_manages_programmes(self):
        # access_ops_training_programme_hr
        self._manages(
            "ops.training.programme", {"name": "Ethics", "kind": "conduct", "method": "lecture"}
        )

    @users("ops_employee")
    def test_employee_cannot_create_sessions(self):
        # access_ops_training_session_employee (read, write; no create)
        self.assertIn(self.training_session, self._search("ops.training.session"))
        with self.assertRaises(AccessError):
            self.env["ops.training.session"].create(
                {
                    "name": "Mine",
                    "programme_id": self.programme.id,
                    "date_start": "2030-01-01 09:00:00",
                    "date_end": "2030-01-01 10:00:00",
                }
            )

    @users("ops_hr")
    def test_hr_manages_sessions(self):
        # access_ops_training_session_hr
        self._manages(
            "ops.training.session",
            {
                "name": "Extra",
                "programme_id": self.programme.id,
                "date_start": "2030-01-01 09:00:00",
                "date_end": "2030-01-01 10:00:00",
            },
        )

    @users("ops_employee")
    def test_employee_enrols_but_cannot_delete(self):
        # access_ops_training_enrolment_employee (read, write, create; no unlink)
        session = self.training_session.sudo().copy({"name": "Spare"})
        enrolment = self.env["ops.training.enrolment"].create(
            {"session_id": session.id, "employee_id": self.emp_employee.id}
        )
        enrolment.action_cancel()
        with self.assertRaises(AccessError):
            enrolment.unlink()

    @users("ops_hr")
    def test_hr_manages_enrolments(self):
        # access_ops_training_enrolment_hr
        session = self.training_session.with_env(self.env).copy({"name": "Extra"})
        self._manages(
            "ops.training.enrolment",
            {"session_id": session.id, "employee_id": self.emp_outsider.id},
        )

    @users("ops_employee")
    def test_employee_gives_evaluations_but_cannot_delete(self):
        # access_ops_training_evaluation_employee
        evaluation = self.evaluation.with_env(self.env)
        evaluation.write({"score_content": 4})
        with self.assertRaises(AccessError):
            evaluation.unlink()

    @users("ops_hr")
    def test_hr_manages_evaluations(self):
        # access_ops_training_evaluation_hr
        self.evaluation.with_env(self.env).write({"comment": "Noted"})
        self.evaluation.with_env(self.env).unlink()

    @users("ops_employee")
    def test_employee_reads_needs_only(self):
        # access_ops_training_need_employee
        self._read_only(self.need, {"name": "X"})

    @users("ops_hr")
    def test_hr_manages_needs(self):
        # access_ops_training_need_hr
        self._manages("ops.training.need", {"name": "Editing", "employee_id": self.emp_outsider.id})

    @users("ops_employee")
    def test_employee_reads_tracks(self):
        # access_ops_career_track_employee
        self._read_only(self.track, {"name": "X"})

    @users("ops_hr")
    def test_hr_manages_tracks(self):
        # access_ops_career_track_hr
        self._manages("ops.career.track", {"name": "Sales", "kind": "management"})

    @users("ops_employee")
    def test_employee_reads_levels(self):
        # access_ops_career_level_employee
        self._read_only(self.level_junior, {"name": "X"})

    @users("ops_hr")
    def test_hr_manages_levels(self):
        # access_ops_career_level_hr
        self._manages(
            "ops.career.level", {"name": "Senior", "track_id": self.track.id, "sequence": 30}
        )

    @users("ops_employee")
    def test_employee_reads_skill_requirements(self):
        # access_ops_career_level_skill_employee
        self._read_only(self.requirement, {"skill_level_id": self.requirement.skill_level_id.id})

    @users("ops_hr")
    def test_hr_manages_skill_requirements(self):
        # access_ops_career_level_skill_hr
        self.requirement.with_env(self.env).write(
            {"skill_level_id": self.requirement.skill_level_id.id}
        )
        self.requirement.with_env(self.env).unlink()

    @users("ops_employee")
    def test_employee_reads_own_position_only(self):
        # access_ops_career_position_employee
        self._read_only(self.pos, {"date_start": "2021-01-01"})

    @users("ops_hr")
    def test_hr_manages_positions(self):
        # access_ops_career_position_hr
        self._manages(
            "ops.career.position",
            {
                "employee_id": self.emp_trainer.id,
                "track_id": self.track.id,
                "level_id": self.level_junior.id,
            },
        )

    @users("ops_employee")
    def test_employee_has_no_access_to_promotions(self):
        # no row for ops_org_group_employee on ops.career.promotion
        with self.assertRaises(AccessError):
            self.env["ops.career.promotion"].search([])

    @users("ops_hr")
    def test_hr_proposes_promotions_but_does_not_delete(self):
        # access_ops_career_promotion_hr
        promotion = self.env["ops.career.promotion"].create(
            {"position_id": self.outsider_pos.id, "to_level_id": self.level_middle.id}
        )
        promotion.write({"override_reason": "Test"})
        with self.assertRaises(AccessError):
            promotion.unlink()

    @users("ops_employee")
    def test_employee_writes_own_plan_but_does_not_delete(self):
        # access_ops_development_plan_employee
        plan = self.env["ops.development.plan"].create(
            {"employee_id": self.emp_employee.id, "goal": "Editor"}
        )
        plan.write({"path": "Junior to senior editor"})
        with self.assertRaises(AccessError):
            plan.unlink()

    @users("ops_hr")
    def test_hr_manages_plans(self):
        # access_ops_development_plan_hr
        self._manages(
            "ops.development.plan", {"employee_id": self.emp_trainer.id, "goal": "Trainer"}
        )

    @users("ops_employee")
    def test_employee_manages_own_plan_actions(self):
        # access_ops_development_plan_action_employee
        self._manages(
            "ops.development.plan.action", {"plan_id": self.dev_plan.id, "name": "Read a book"}
        )

    @users("ops_hr")
    def test_hr_manages_plan_actions(self):
        # access_ops_development_plan_action_hr
        self._manages(
            "ops.development.plan.action", {"plan_id": self.outsider_plan.id, "name": "Course"}
        )

    # -- record rules ----------------------------------------------------------

    @users("ops_outsider")
    def test_employee_reads_open_and_own_sessions(self):
        # ops_training_session_rule_employee
        sessions = self._search("ops.training.session")
        self.assertIn(self.training_session, sessions)
        self.assertNotIn(self.outsider_session, sessions)
        with self.assertRaises(AccessError):
            self.training_session.with_env(self.env).write({"location": "Room 2"})

    @users("ops_trainer")
    def test_trainer_runs_own_sessions(self):
        # ops_training_session_rule_trainer
        self.training_session.with_env(self.env).write({"location": "Room 2"})
        with self.assertRaises(AccessError):
            self.outsider_session.with_env(self.env).write({"location": "Room 3"})

    @users("ops_hr")
    def test_hr_sees_all_sessions(self):
        # ops_training_session_rule_hr
        self.assertIn(self.outsider_session, self._search("ops.training.session"))

    @users("ops_employee")
    def test_employee_sees_and_requests_own_enrolments(self):
        # ops_training_enrolment_rule_employee
        self.assertEqual(self._search("ops.training.enrolment"), self.enrolment)
        session = self.training_session.sudo().copy({"name": "Next"})
        self.env["ops.training.enrolment"].create(
            {"session_id": session.id, "employee_id": self.emp_employee.id}
        )
        with self.assertRaises(AccessError):
            self.env["ops.training.enrolment"].create(
                {"session_id": session.id, "employee_id": self.emp_outsider.id}
            )

    @users("ops_trainer")
    def test_trainer_records_attendance_in_own_sessions(self):
        # ops_training_enrolment_rule_trainer
        self.assertEqual(
            self._search("ops.training.enrolment"), self.enrolment | self.outsider_enrolment
        )
        # Through its step (issue 15: the state is not written directly).
        self.enrolment.with_env(self.env).action_absent()
        self.assertEqual(self.enrolment.state, "absent")

    @users("ops_line_manager")
    def test_manager_reads_team_enrolments(self):
        # ops_training_enrolment_rule_manager
        self.assertEqual(self._search("ops.training.enrolment"), self.enrolment)
        with self.assertRaises(AccessError):
            self.enrolment.with_env(self.env).write({"need_id": self.need.id})

    @users("ops_hr")
    def test_hr_sees_all_enrolments(self):
        # ops_training_enrolment_rule_hr
        self.assertIn(self.outsider_enrolment, self._search("ops.training.enrolment"))

    @users("ops_employee")
    def test_employee_sees_evaluations_given(self):
        # ops_training_evaluation_rule_employee
        self.assertEqual(self._search("ops.training.evaluation"), self.evaluation)

    @users("ops_hr")
    def test_hr_sees_all_evaluations(self):
        # ops_training_evaluation_rule_hr
        self.assertIn(self.evaluation, self._search("ops.training.evaluation"))

    @users("ops_trainer")
    def test_trainer_does_not_see_evaluations_of_others(self):
        # ops_training_evaluation_rule_employee (evaluations stay the attendees')
        self.assertFalse(self._search("ops.training.evaluation"))

    @users("ops_employee")
    def test_employee_sees_own_needs(self):
        # ops_training_need_rule_employee
        self.assertEqual(self._search("ops.training.need"), self.need)

    @users("ops_line_manager")
    def test_manager_sees_team_needs(self):
        # ops_training_need_rule_manager
        self.assertEqual(self._search("ops.training.need"), self.need)

    @users("ops_hr")
    def test_hr_sees_all_needs(self):
        # ops_training_need_rule_hr
        self.assertIn(self.outsider_need, self._search("ops.training.need"))

    @users("ops_employee")
    def test_employee_sees_own_position(self):
        # ops_career_position_rule_employee
        self.assertEqual(self._search("ops.career.position"), self.pos)

    @users("ops_line_manager")
    def test_manager_sees_team_positions(self):
        # ops_career_position_rule_manager
        self.assertEqual(self._search("ops.career.position"), self.pos)

    @users("ops_hr")
    def test_hr_sees_all_positions(self):
        # ops_career_position_rule_hr
        self.assertIn(self.outsider_pos, self._search("ops.career.position"))

    @users("ops_employee")
    def test_employee_sees_own_plan(self):
        # ops_development_plan_rule_employee
        self.assertEqual(self._search("ops.development.plan"), self.dev_plan)
        with self.assertRaises(AccessError):
            self.env["ops.development.plan"].create(
                {"employee_id": self.emp_outsider.id, "goal": "X"}
            )

    @users("ops_line_manager")
    def test_manager_follows_team_plans(self):
        # ops_development_plan_rule_manager
        self.assertEqual(self._search("ops.development.plan"), self.dev_plan)
        self.dev_plan.with_env(self.env).write({"support": "Time for the course"})
        with self.assertRaises(AccessError):
            self.outsider_plan.with_env(self.env).write({"support": "X"})

    @users("ops_hr")
    def test_hr_sees_all_plans(self):
        # ops_development_plan_rule_hr
        self.assertIn(self.outsider_plan, self._search("ops.development.plan"))

    @users("ops_employee")
    def test_employee_sees_actions_of_own_plan(self):
        # ops_development_plan_action_rule_employee
        self.assertEqual(self._search("ops.development.plan.action"), self.dev_plan.action_ids)

    @users("ops_line_manager")
    def test_manager_sees_actions_of_team_plans(self):
        # ops_development_plan_action_rule_manager
        self.assertEqual(self._search("ops.development.plan.action"), self.dev_plan.action_ids)

    @users("ops_hr")
    def test_hr_sees_all_plan_actions(self):
        # ops_development_plan_action_rule_hr
        self.assertIn(self.outsider_plan.action_ids, self._search("ops.development.plan.action"))

    # -- multi-company rules (as HR, who otherwise sees everything) -------------

    @users("ops_hr")
    def test_company_rule_programme(self):
        # ops_training_programme_rule_company
        self._other_company_hidden("ops.training.programme")

    @users("ops_hr")
    def test_company_rule_session(self):
        # ops_training_session_rule_company
        self._other_company_hidden("ops.training.session")

    @users("ops_hr")
    def test_company_rule_enrolment(self):
        # ops_training_enrolment_rule_company
        self._other_company_hidden("ops.training.enrolment")

    @users("ops_hr")
    def test_company_rule_evaluation(self):
        # ops_training_evaluation_rule_company
        self._other_company_hidden("ops.training.evaluation")

    @users("ops_hr")
    def test_company_rule_need(self):
        # ops_training_need_rule_company
        self._other_company_hidden("ops.training.need")

    @users("ops_hr")
    def test_company_rule_track(self):
        # ops_career_track_rule_company
        self._other_company_hidden("ops.career.track")

    @users("ops_hr")
    def test_company_rule_level(self):
        # ops_career_level_rule_company
        self._other_company_hidden("ops.career.level")

    @users("ops_hr")
    def test_company_rule_level_skill(self):
        # ops_career_level_skill_rule_company
        self._other_company_hidden("ops.career.level.skill")

    @users("ops_hr")
    def test_company_rule_position(self):
        # ops_career_position_rule_company
        self._other_company_hidden("ops.career.position")

    @users("ops_hr")
    def test_company_rule_promotion(self):
        # ops_career_promotion_rule_company
        self._other_company_hidden("ops.career.promotion")

    @users("ops_hr")
    def test_company_rule_plan(self):
        # ops_development_plan_rule_company
        self._other_company_hidden("ops.development.plan")

    @users("ops_hr")
    def test_company_rule_plan_action(self):
        # ops_development_plan_action_rule_company
        self._other_company_hidden("ops.development.plan.action")
