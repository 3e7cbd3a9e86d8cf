# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import BudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetAdjustment(BudgetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)
        cls.approve_budget()

    def _request(self, amount, user=None):
        return (
            self.env["ops.budget.adjustment"]
            .with_user(user or self.user_head)
            .create(
                {
                    "budget_id": self.budget.id,
                    "department_id": self.department.id,
                    "reason": "market",
                    "explanation": "<p>New campaign</p>",
                    "line_ids": [(0, 0, {"budget_line_id": self.line.id, "amount": amount})],
                }
            )
        )

    def test_finance_then_leadership_apply_a_dated_line(self):
        request = self._request(500.0)
        request.action_submit()
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.line_ids.before_amount, 1000.0)
        self.assertEqual(request.line_ids.after_amount, 1500.0)
        request.with_user(self.user_finance)._ops_approve()
        self.assertEqual(self.line.current_amount, 1000.0, "not before leadership")
        request.with_user(self.user_leader)._ops_approve()
        self.assertEqual(request.state, "approved")
        self.assertTrue(request.line_ids.applied)
        self.assertTrue(request.line_ids.date_applied)
        # Never by overwriting: planned stays, the adjustment adds.
        self.assertEqual(self.line.planned_amount, 1000.0)
        self.assertEqual(self.line.adjusted_amount, 500.0)
        self.assertEqual(self.line.current_amount, 1500.0)
        self.assertEqual(
            (request.line_ids.before_amount, request.line_ids.after_amount), (1000.0, 1500.0)
        )

    def test_cut_beyond_what_remains_is_refused(self):
        self.post_item(700.0, "2027-01-15")
        request = self._request(-400.0)
        with self.assertRaises(ValidationError) as caught:
            request.action_submit()
        self.assertIn("beyond what remains", str(caught.exception))
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)

    def test_cut_checked_again_when_applied(self):
        request = self._request(-400.0)
        request.action_submit()
        request.with_user(self.user_finance)._ops_approve()
        self.post_item(700.0, "2027-01-15")
        with self.assertRaises(ValidationError):
            request.with_user(self.user_leader)._ops_approve()
        self.assertEqual(self.line.current_amount, 1000.0)

    def test_requester_cannot_approve_their_own_request(self):
        request = self._request(100.0, user=self.user_finance)
        request.action_submit()
        with self.assertRaises(UserError):
            request.with_user(self.user_finance)._ops_approve()
        self.assertEqual(request.state, "submitted")

    def test_department_adjusts_only_its_own_lines(self):
        with self.assertRaises(ValidationError):
            self.env["ops.budget.adjustment"].sudo().create(
                {
                    "budget_id": self.budget.id,
                    "department_id": self.other_department.id,
                    "explanation": "<p>x</p>",
                    "line_ids": [(0, 0, {"budget_line_id": self.line.id, "amount": 10})],
                }
            )

    def test_rejected_request_changes_nothing(self):
        request = self._request(500.0)
        request.action_submit()
        request.with_user(self.user_finance)._ops_reject("Not justified")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(self.line.current_amount, 1000.0)
        with self.assertRaises(UserError):
            request.with_user(self.user_head).explanation = "<p>Changed</p>"
