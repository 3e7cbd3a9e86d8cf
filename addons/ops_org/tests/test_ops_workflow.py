# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules of ops_org hold against a user who calls the server with any
arguments: reviews and approval activities change only through the
decisions, workflow-owned fields only through their steps, steps in order,
nobody decides their own case, no review means no pass, and every value is
bounded with a sentence for the user."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..models.ops_workflow_mixin import ops_workflow_grant
from .test_tier_validation import ApprovalCommon


@tagged("post_install", "-at_install", "ops_access")
class TestOrgRules(ApprovalCommon):
    # -- reviews cannot be forged --

    def test_requester_cannot_write_their_own_review_approved(self):
        record = self._request(self.user_employee)
        review = record.review_ids.with_user(self.user_employee)
        self.assertRefused(review.write, {"status": "approved", "done_by": self.user_head.id})
        self.assertEqual(record.review_ids.status, "pending")
        self.assertEqual(record.validation_status, "pending")

    def test_reviewer_cannot_write_the_review_either(self):
        record = self._request(self.user_employee)
        self.assertRefused(
            record.review_ids.with_user(self.user_head).write, {"status": "approved"}
        )
        self.assertEqual(record.review_ids.status, "pending")

    def test_nobody_creates_a_review(self):
        record = self._request(self.user_employee)
        for user in (self.user_employee, self.user_head, self.user_leader):
            self.assertRefused(
                self.env["tier.review"].with_user(user).create,
                {
                    "model": record._name,
                    "res_id": record.id,
                    "definition_id": self.tier_head.id,
                    "status": "approved",
                    "done_by": self.user_head.id,
                },
            )
        self.assertEqual(len(record.review_ids), 1)

    def test_nobody_deletes_a_review(self):
        record = self._request(self.user_employee)
        for user in (self.user_employee, self.user_head, self.user_leader):
            self.assertRefused(record.review_ids.with_user(user).unlink)
        self.assertEqual(len(record.review_ids), 1)

    def test_review_commands_through_the_document_are_refused(self):
        record = self._request(self.user_employee)
        self.assertRefused(
            record.with_user(self.user_employee).write,
            {"review_ids": [(1, record.review_ids.id, {"status": "approved"})]},
        )
        self.assertRefused(
            record.with_user(self.user_employee).write, {"validation_status": "validated"}
        )
        self.assertEqual(record.validation_status, "pending")

    def test_the_superuser_and_the_decisions_still_write_reviews(self):
        record = self._request(self.user_employee)
        record.with_user(self.user_head).validate_tier()
        self.assertEqual(record.review_ids.status, "approved")
        self.assertEqual(record.state, "confirmed")

    # -- approval activities are the reviews --

    def test_reviewer_cannot_mark_done_edit_reassign_or_delete(self):
        record = self._request(self.user_employee)
        activity = self._activities(record).with_user(self.user_head)
        self.assertRefused(activity.action_feedback, feedback="done")
        self.assertRefused(activity.action_done)
        self.assertRefused(activity.write, {"user_id": self.user_hr.id})
        self.assertRefused(activity.write, {"date_deadline": "2030-01-01"})
        self.assertRefused(activity.unlink)
        self.assertEqual(self._activities(record).user_id, self.user_head)
        self.assertEqual(record.review_ids.status, "pending")

    def test_nobody_creates_an_approval_activity(self):
        record = self._request(self.user_employee)
        self.assertRefused(
            self.env["mail.activity"].with_user(self.user_employee).create,
            {
                "res_model_id": self.env["ir.model"]._get_id(record._name),
                "res_id": record.id,
                "user_id": self.user_employee.id,
                "ops_tier_review_id": record.review_ids.id,
            },
        )

    def test_other_activities_are_untouched(self):
        record = self._request(self.user_employee)
        todo = record.activity_schedule("mail.mail_activity_data_todo", user_id=self.user_head.id)
        todo.with_user(self.user_head).action_feedback(feedback="ok")
        self.assertFalse(todo.exists().active if todo.exists() else False)

    # -- validation entry points --

    def test_public_request_and_restart_are_refused(self):
        record = self.Tester.with_user(self.user_employee).create({"name": "Lens"})
        self.assertRefused(record.with_user(self.user_employee).request_validation)
        self.assertFalse(record.review_ids)
        record.with_user(self.user_employee).action_submit()
        self.assertRefused(record.with_user(self.user_employee).restart_validation)
        self.assertRefused(record.with_user(self.user_head).restart_validation)
        self.assertEqual(len(record.review_ids), 1)

    def test_fail_closed_without_authority(self):
        (self.tier_head | self.tier_leadership).active = False
        record = self.Tester.with_user(self.user_employee).create({"name": "Lens"})
        error = self.assertRefused(record.with_user(self.user_employee).action_submit)
        self.assertIn("Authority Matrix", str(error))
        self.assertIn("Approval Tester", str(error))
        self.assertEqual(record.state, "draft")
        self.assertFalse(record.review_ids)

    def test_oca_reject_asks_for_the_reason_and_keeps_the_reviews(self):
        record = self._request(self.user_employee)
        action = record.with_user(self.user_head).reject_tier()
        self.assertEqual(action["res_model"], "ops.approval.reject")
        self.assertEqual(record.review_ids.status, "pending")
        wizard = (
            self.env["ops.approval.reject"]
            .with_user(self.user_head)
            .with_context(**action["context"])
            .create({"reason": "Not this quarter."})
        )
        wizard.action_reject()
        self.assertEqual(record.validation_status, "rejected")
        self.assertEqual(record.review_ids.comment, "Not this quarter.")
        self.assertEqual(record.review_ids.done_by, self.user_head)

    def test_oca_comment_wizard_goes_through_the_guard(self):
        record = self._request(self.user_employee, amount=5000)
        first, second = record.review_ids.sorted("sequence")
        wizard = self.env["comment.wizard"].with_user(self.user_leader)
        # The leader's step comes second: the wizard cannot decide it first.
        self.assertRefused(
            wizard.create(
                {
                    "res_model": record._name,
                    "res_id": record.id,
                    "review_ids": [(6, 0, second.ids)],
                    "validate_reject": "validate",
                    "comment": "fine",
                }
            ).add_comment
        )
        # The requester cannot decide through it either.
        self.assertRefused(
            self.env["comment.wizard"]
            .with_user(self.user_employee)
            .create(
                {
                    "res_model": record._name,
                    "res_id": record.id,
                    "review_ids": [(6, 0, first.ids)],
                    "validate_reject": "validate",
                    "comment": "mine",
                }
            )
            .add_comment
        )
        self.assertEqual(record.review_ids.mapped("status"), ["pending", "waiting"])
        self.env["comment.wizard"].with_user(self.user_head).create(
            {
                "res_model": record._name,
                "res_id": record.id,
                "review_ids": [(6, 0, first.ids)],
                "validate_reject": "validate",
                "comment": "ok",
            }
        ).add_comment()
        self.assertEqual(first.status, "approved")
        self.assertEqual(first.comment, "ok")

    # -- ordered chains --

    def test_second_step_waits_for_the_first(self):
        record = self._request(self.user_employee, amount=5000)
        head_step, leader_step = record.review_ids.sorted("sequence")
        self.assertEqual(head_step.definition_id, self.tier_head)
        self.assertEqual(leader_step.status, "waiting")
        # Leadership tries first, by every path.
        self.assertRefused(record.with_user(self.user_leader).validate_tier)
        self.assertRefused(leader_step.with_user(self.user_leader).action_ops_approve)
        self.assertRefused(record.with_user(self.user_leader)._ops_approve, reviews=leader_step)
        self.assertRefused(record.with_user(self.user_leader)._ops_reject, "no", leader_step)
        self.assertEqual(record.review_ids.mapped("status"), ["pending", "waiting"])
        record.with_user(self.user_head)._ops_approve()
        record.with_user(self.user_leader)._ops_approve()
        self.assertEqual(record.state, "confirmed")

    def test_steps_stay_in_order_even_when_the_definition_says_otherwise(self):
        self.tier_leadership.approve_sequence = False
        self.assertTrue(self.tier_leadership.approve_sequence, "suite chains stay ordered")
        record = self._request(self.user_employee, amount=5000)
        leader_step = record.review_ids.sorted("sequence")[-1]
        self.assertTrue(leader_step.approve_sequence)
        self.assertRefused(record.with_user(self.user_leader).validate_tier)

    # -- workflow fields --

    def test_state_is_refused_on_write_and_create(self):
        record = self.Tester.with_user(self.user_employee).create({"name": "Lens"})
        self.assertRefused(record.with_user(self.user_employee).write, {"state": "confirmed"})
        self.assertRefused(record.with_user(self.user_leader).write, {"state": "confirmed"})
        self.assertRefused(
            self.Tester.with_user(self.user_employee).create,
            {"name": "Forged", "state": "confirmed"},
        )
        self.assertEqual(record.state, "draft")
        # The default value and an unchanged value pass.
        self.Tester.with_user(self.user_employee).create({"name": "Fine", "state": "draft"})
        record.with_user(self.user_employee).write({"state": "draft", "name": "Lens 2"})

    def test_requester_field_is_owned(self):
        self.assertRefused(
            self.Tester.with_user(self.user_hr).create,
            {"name": "For someone else", "user_id": self.user_employee.id},
        )
        record = self.Tester.with_user(self.user_hr).create({"name": "Mine"})
        self.assertEqual(record.user_id, self.user_hr)
        self.assertRefused(record.with_user(self.user_hr).write, {"user_id": self.user_head.id})

    def test_a_step_checks_the_state_under_lock(self):
        record = self.Tester.with_user(self.user_employee).create({"name": "Lens"})
        record.with_user(self.user_employee).action_cancel()
        self.assertEqual(record.state, "cancel")
        error = self.assertRefused(record.with_user(self.user_employee).action_cancel)
        self.assertIn("Cancelled", str(error))

    def test_skip_validation_check_opens_nothing(self):
        record = self._request(self.user_employee)
        self.assertRefused(
            record.with_user(self.user_employee).with_context(skip_validation_check=True).write,
            {"amount": 1.0},
        )
        self.assertEqual(record.amount, 100.0)

    def test_grant_is_server_code_only(self):
        record = self.Tester.with_user(self.user_employee).create({"name": "Lens"})
        tester = record.with_user(self.user_employee).with_context(
            ops_workflow_granted=True, skip_validation_check=True
        )
        self.assertRefused(tester.write, {"state": "confirmed"})
        with ops_workflow_grant(record._name):
            record.with_user(self.user_employee).write({"state": "cancel"})
        self.assertEqual(record.state, "cancel")

    # -- nobody decides their own case --

    def test_head_cannot_appoint_themselves(self):
        emp_hr = self.env["hr.employee"].create({"name": "HR", "user_id": self.user_hr.id})
        Department = self.env["hr.department"].with_user(self.user_hr)
        self.assertRefused(Department.create, {"name": "My Own", "manager_id": emp_hr.id})
        department = Department.create({"name": "Theirs", "manager_id": self.emp_head.id})
        self.assertRefused(department.write, {"manager_id": emp_hr.id})
        self.assertFalse(self.user_hr.has_group("ops_org.ops_org_group_department_head"))
        self.assertEqual(department.manager_id, self.emp_head)

    def test_manager_rule(self):
        # Odoo's Manager first, then the department's head, up the tree, then Leadership.
        self.assertEqual(self.emp_employee._ops_manager_users(), self.user_head)
        self.emp_employee.parent_id = False
        self.assertEqual(self.emp_employee._ops_manager_users(), self.user_head)
        self.assertEqual(self.emp_head._ops_manager_users(), self.user_leader | self.user_leader_2)
        emp_director = self.env["hr.employee"].create(
            {"name": "Director", "user_id": self.user_admin.id}
        )
        self.department.parent_id = self.env["hr.department"].create(
            {"name": "Production", "manager_id": emp_director.id}
        )
        self.assertEqual(self.emp_head._ops_manager_users(), self.user_admin)

    # -- bounds --

    def test_values_out_of_bounds_get_a_sentence(self):
        Duty = self.env["ops.department.duty"].with_user(self.user_hr)
        cases = [
            {"department_id": self.department.id, "name": "x" * 1_000_001},
            {"department_id": 999_999_999, "name": "Ghost"},
            {"department_id": "abc", "name": "Text id"},
            {"department_id": self.department.id, "name": "Seq", "sequence": "abc"},
            {"department_id": self.department.id, "name": "Seq", "sequence": 2**40},
        ]
        for vals in cases:
            with self.subTest(vals=str(vals)[:60]):
                error = self.assertRefused(Duty.create, vals)
                self.assertIsInstance(error, ValidationError)
                self.assertNotIn("psycopg2", str(error))
                self.assertNotIn("invalid literal", str(error))
        self.assertFalse(Duty.search([("name", "in", ("Ghost", "Text id", "Seq"))]))

    def test_department_fields_bounded(self):
        department = self.department.with_user(self.user_hr)
        for vals in ({"kind": "marketing'--"}, {"code": "C" * 5000}):
            with self.subTest(vals=str(vals)[:40]):
                self.assertRefused(department.write, vals)

    def test_value_problems_in_words(self):
        Model = self.env["ops.department.duty"]
        field = Model._fields["sequence"]
        self.assertIn("not a number", Model._ops_value_problem(field, "abc"))
        self.assertIsNone(Model._ops_value_problem(field, 5))
        self.assertIsNone(Model._ops_value_problem(field, False))

    # -- refusals are sentences --

    def test_errors_are_user_errors(self):
        record = self._request(self.user_employee)
        for call in (
            lambda: record.review_ids.with_user(self.user_employee).write({"status": "approved"}),
            lambda: record.with_user(self.user_employee).write({"state": "confirmed"}),
            lambda: record.with_user(self.user_employee).validate_tier(),
        ):
            with self.assertRaises(UserError):
                call()
