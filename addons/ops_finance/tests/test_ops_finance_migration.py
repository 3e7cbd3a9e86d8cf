# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.ops_org.tests.common import run_migration

from .common import BudgetCommon


@tagged("post_install", "-at_install", "ops_migration")
class TestFinanceMigration(TransactionCase):
    """18.0.1.1.0 post-migration on a database holding what 18.0.1.0.0 left:
    no expense approval chain (the column the ORM adds is empty)."""

    def _old_shape(self):
        self.env.flush_all()
        self.env.cr.execute("UPDATE res_company SET ops_expense_policy = NULL")
        self.env.invalidate_all()
        companies = self.env["res.company"].search([])
        self.assertFalse(any(companies.mapped("ops_expense_policy")))
        return companies

    def test_existing_companies_get_the_expense_chain(self):
        companies = self._old_shape()
        second = self.env["res.company"].create({"name": "Second Studio"})
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_company SET ops_expense_policy = NULL WHERE id = %s", [second.id]
        )
        run_migration(self.env, "ops_finance", "18.0.1.1.0", "post", "18.0.1.0.0")
        self.assertTrue(all((companies | second).mapped("ops_expense_policy")))

    def test_fresh_install_skips(self):
        companies = self._old_shape()
        run_migration(self.env, "ops_finance", "18.0.1.1.0", "post", None)
        self.assertFalse(any(companies.mapped("ops_expense_policy")))


@tagged("post_install", "-at_install", "ops_migration")
class TestFinanceMigrationAdjustmentOrder(BudgetCommon):
    """18.0.1.2.0 post-migration on a database holding what 18.0.1.1.x left:
    the budget adjustment authorities in the wrong order (leadership
    deciding first) and a request under review in that order."""

    def _old_shape(self):
        finance = self.env.ref("ops_finance.tier_definition_budget_adjustment_finance").sudo()
        leadership = self.env.ref("ops_finance.tier_definition_budget_adjustment_leadership").sudo()
        finance.sequence, leadership.sequence = 10, 20
        line = self.add_line(self.part)
        self.approve_budget()
        request = (
            self.env["ops.budget.adjustment"]
            .with_user(self.user_head)
            .create(
                {
                    "budget_id": self.budget.id,
                    "department_id": self.department.id,
                    "explanation": "<p>Campaign</p>",
                    "line_ids": [(0, 0, {"budget_line_id": line.id, "amount": 100.0})],
                }
            )
        )
        request.action_submit()
        request = request.sudo()
        first = request.review_ids.sorted("sequence")[0]
        self.assertEqual((first.definition_id, first.status), (leadership, "pending"))
        return finance, leadership, request

    def test_finance_reviews_first_again(self):
        finance, leadership, request = self._old_shape()
        run_migration(self.env, "ops_finance", "18.0.1.2.0", "post", "18.0.1.1.1")
        self.assertEqual((finance.sequence, leadership.sequence), (20, 10))
        finance_step, leader_step = request.review_ids.sorted("sequence")
        self.assertEqual(finance_step.definition_id, finance)
        self.assertEqual((finance_step.status, leader_step.status), ("pending", "waiting"))
        self.assertIn(self.user_finance, finance_step.ops_activity_ids.user_id)
        self.assertFalse(leader_step.ops_activity_ids)
        with self.assertRaises(UserError):
            request.with_user(self.user_leader)._ops_approve()
        request.with_user(self.user_finance)._ops_approve()
        request.with_user(self.user_leader)._ops_approve()
        self.assertEqual(request.state, "approved")
        # Run twice: nothing changes.
        run_migration(self.env, "ops_finance", "18.0.1.2.0", "post", "18.0.1.1.1")
        self.assertEqual((finance.sequence, leadership.sequence), (20, 10))

    def test_fresh_install_skips(self):
        finance, leadership, _request = self._old_shape()
        run_migration(self.env, "ops_finance", "18.0.1.2.0", "post", None)
        self.assertEqual((finance.sequence, leadership.sequence), (10, 20))
