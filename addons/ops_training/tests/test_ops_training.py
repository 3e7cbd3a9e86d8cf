# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTraining(TrainingCommon):
    def test_programme_method_follows_its_kind(self):
        form = Form(self.env["ops.training.programme"])
        form.name = "Ethics"
        form.kind = "conduct"
        form.method = "external"
        with self.assertRefused(ValidationError, "not given as"):
            form.save()
        form.method = "role_play"
        self.assertEqual(
            form.save().survey_id, self.env.ref("ops_training.survey_training_evaluation")
        )

    def test_session_takes_trainer_and_seats_from_programme(self):
        with Form(self.env["ops.training.session"]) as form:
            form.name = "January"
            form.programme_id = self.programme
            form.date_start = "2031-01-10 09:00:00"
            form.date_end = "2031-01-10 12:00:00"
        session = form.save()
        self.assertEqual(session.trainer_user_id, self.user_trainer)
        self.assertEqual(session.capacity, 2)

    def test_enrolling_beyond_capacity_is_refused(self):
        self.enrol(self.emp_manager)
        self.assertEqual(self.training_session.seats_free, 0)
        with self.assertRefused(ValidationError, "is full: 2 seats, 3 enrolled"):
            self.enrol(self.emp_outsider)
        self.assertFalse(
            self.env["ops.training.enrolment"].search([("employee_id", "=", self.emp_outsider.id)])
        )

    def test_lowering_seats_below_enrolments_is_refused(self):
        self.enrol(self.emp_manager)
        with self.assertRefused(ValidationError, "is full"):
            self.training_session.capacity = 1

    def test_cancelled_seat_is_free_again(self):
        self.enrol(self.emp_manager)
        self.enrolment.with_user(self.user_employee).action_cancel()
        self.enrol(self.emp_outsider)
        self.assertEqual(self.training_session.seats_taken, 2)

    @users("ops_employee")
    def test_employee_cannot_mark_own_attendance(self):
        with self.assertRefused(UserError, "Only the trainer"):
            self.enrolment.with_env(self.env).action_attended()

    @users("ops_trainer")
    def test_trainer_closes_session_and_attendees_get_the_survey(self):
        absent = self.enrol(self.emp_manager)
        session = self.training_session.with_env(self.env)
        session.enrolment_ids.filtered(
            lambda e: e.employee_id == self.emp_employee
        ).action_attended()
        session.action_done()
        self.assertEqual(session.state, "done")
        self.assertEqual(absent.state, "absent")
        evaluation = session.sudo().evaluation_ids
        self.assertEqual(evaluation.user_id, self.user_employee)
        self.assertEqual(evaluation.user_input_id.partner_id, self.user_employee.partner_id)
        self.assertEqual(evaluation.activity_ids.user_id, self.user_employee)
        self.assertIn(evaluation.user_input_id.access_token, evaluation.activity_ids.note)

    def test_survey_answers_become_the_evaluation(self):
        self.enrolment.state = "attended"
        self.training_session.action_done()
        evaluation = self.training_session.evaluation_ids
        answer = evaluation.user_input_id
        for aspect, value in (("content", 4), ("method", 3), ("trainer", 5)):
            question = answer.survey_id.question_ids.filtered(
                lambda q, a=aspect: q.ops_training_aspect == a
            )
            answer._save_lines(question, value)
        comment = answer.survey_id.question_ids.filtered(
            lambda q: q.ops_training_aspect == "comment"
        )
        answer._save_lines(comment, "More exercises")
        answer._mark_done()
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(
            (evaluation.score_content, evaluation.score_method, evaluation.score_trainer),
            (4, 3, 5),
        )
        self.assertEqual(evaluation.comment, "More exercises")
        self.assertFalse(evaluation.activity_ids)
        self.assertEqual(self.programme.score_trainer, 5.0)
        self.assertEqual(self.programme.evaluation_count, 1)

    @users("ops_employee")
    def test_employee_rates_in_the_form(self):
        self.enrolment.sudo().state = "attended"
        form = Form(self.env["ops.training.evaluation"])
        form.session_id = self.training_session.with_env(self.env)
        form.score_content = 5
        form.score_method = 4
        form.score_trainer = 4
        evaluation = form.save()
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "done")
        with self.assertRefused(UserError, "was given"):
            evaluation.score_content = 1

    @users("ops_outsider")
    def test_evaluating_a_session_not_attended_is_refused(self):
        with self.assertRefused(ValidationError, "did not attend"):
            self.env["ops.training.evaluation"].create({"session_id": self.training_session.id})

    @users("ops_employee")
    def test_evaluating_before_attending_is_refused(self):
        with self.assertRefused(ValidationError, "did not attend"):
            self.env["ops.training.evaluation"].create({"session_id": self.training_session.id})

    def test_rating_outside_one_to_five_is_refused(self):
        self.enrolment.state = "attended"
        # The field's bounds (issue 15), before anything is written.
        with self.assertRefused(ValidationError, "highest value accepted (5)"):
            self.env["ops.training.evaluation"].with_user(self.user_employee).create(
                {"session_id": self.training_session.id, "score_content": 7}
            )

    def test_revision_note_dates_the_revision(self):
        with freeze_time("2026-12-02 12:00:00"):
            with Form(self.programme.with_user(self.user_hr)) as form:
                form.revision_note = "More practice, less theory."
        self.assertEqual(str(self.programme.date_revised), "2026-12-02")

    def test_new_employee_gets_onboarding(self):
        programme = self.env["ops.training.programme"].create(
            {
                "name": "Welcome",
                "kind": "onboarding",
                "method": "lecture",
                "auto_plan": True,
                "activity_plan_id": self.env.ref("ops_training.mail_activity_plan_onboarding").id,
            }
        )
        session = self.env["ops.training.session"].create(
            {
                "name": "Intake",
                "programme_id": programme.id,
                "date_start": "2030-01-05 09:00:00",
                "date_end": "2030-01-05 17:00:00",
            }
        )
        newcomer = (
            self.env["hr.employee"]
            .with_user(self.user_hr)
            .with_context(ops_training_no_onboarding=False)
            .create({"name": "Newcomer", "parent_id": self.emp_manager.id})
        )
        enrolment = session.enrolment_ids
        self.assertEqual(enrolment.employee_id, newcomer)
        self.assertEqual(enrolment.need_id.state, "planned")
        self.assertEqual(newcomer.ops_onboarding_state, "planned")
        # The plan: welcome by the manager, completion check by HR.
        self.assertEqual(newcomer.activity_ids.mapped("user_id"), self.user_manager | self.user_hr)
        enrolment.state = "attended"
        session.action_done()
        newcomer.invalidate_recordset(["ops_onboarding_state"])
        self.assertEqual(newcomer.ops_onboarding_state, "done")
        self.assertEqual(enrolment.need_id.state, "done")

    def test_onboarding_without_session_leaves_a_need_to_plan(self):
        self.env["ops.training.programme"].create(
            {"name": "Welcome", "kind": "onboarding", "method": "lecture", "auto_plan": True}
        )
        newcomer = (
            self.env["hr.employee"]
            .with_context(ops_training_no_onboarding=False)
            .create({"name": "Newcomer"})
        )
        need = self.env["ops.training.need"].search([("employee_id", "=", newcomer.id)])
        self.assertEqual((need.source, need.state), ("onboarding", "open"))

    def test_published_appraisal_creates_a_training_need(self):
        cycle = self.env["ops.appraisal.cycle"].create(
            {
                "name": "2026-11",
                "period": "monthly",
                "date_start": "2026-11-01",
                "date_end": "2026-11-30",
                "template_id": self.env["ops.appraisal.template"]
                .create(
                    {
                        "name": "T",
                        "criterion_ids": [(0, 0, {"name": "Quality", "weight": 100})],
                    }
                )
                .id,
            }
        )
        appraisal = self.env["ops.appraisal"].create(
            {
                "cycle_id": cycle.id,
                "employee_id": self.emp_outsider.id,
                "training_need": "Colour grading",
            }
        )
        appraisal.write({"state": "published"})
        need = appraisal.ops_training_need_ids
        self.assertEqual((need.source, need.description), ("appraisal", "Colour grading"))
        appraisal.write({"state": "published"})
        self.assertEqual(len(appraisal.ops_training_need_ids), 1)
        # HR turns it into an enrolment.
        need.programme_id = self.programme
        with freeze_time("2026-12-01 12:00:00"):
            need.with_user(self.user_hr).action_enrol()
        self.assertEqual(need.state, "planned")
        self.assertEqual(need.enrolment_ids.session_id, self.training_session)

    def test_enrolling_a_need_without_session_says_so(self):
        programme = self.programme.copy({"name": "Other"})
        need = self.env["ops.training.need"].create(
            {"name": "X", "employee_id": self.emp_outsider.id, "programme_id": programme.id}
        )
        with self.assertRefused(UserError, "no planned session"):
            need.action_enrol()

    def test_plan_training_actions_become_needs_and_enrolments(self):
        plan = self.plan(
            self.emp_outsider,
            action_ids=[
                (0, 0, {"kind": "training", "name": "Editing", "programme_id": self.programme.id}),
                (0, 0, {"kind": "mentoring", "name": "Weekly mentoring"}),
            ],
        )
        plan.with_user(self.user_hr).action_create_training_needs()
        need = plan.action_ids.need_id
        self.assertEqual(
            (need.source, need.plan_id, need.employee_id), ("plan", plan, self.emp_outsider)
        )
        with freeze_time("2026-12-01 12:00:00"):
            need.action_enrol()
        self.assertIn(self.emp_outsider, self.training_session.enrolment_ids.employee_id)
        with self.assertRefused(UserError, "No training action"):
            plan.action_create_training_needs()

    def test_review_date_schedules_hr(self):
        plan = self.plan(
            self.emp_employee, hr_user_id=self.user_hr.id, date_next_review="2027-03-01"
        )
        self.assertEqual(plan.activity_ids.user_id, self.user_hr)
        self.assertEqual(str(plan.activity_ids.date_deadline), "2027-03-01")
        plan.date_next_review = "2027-06-01"
        self.assertEqual(len(plan.activity_ids), 1)
        self.assertEqual(str(plan.activity_ids.date_deadline), "2027-06-01")
