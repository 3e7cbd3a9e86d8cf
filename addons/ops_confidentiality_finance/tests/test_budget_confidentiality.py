# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.ops_finance.tests.common import BudgetCommon
from odoo.addons.ops_org.tests.common import ops_user


@tagged("post_install", "-at_install", "ops_access")
class TestBudgetConfidentiality(BudgetCommon):
    """A secret budget, its department parts, lines and adjustments are seen
    only by users cleared for it who need to know (rules
    ops_confidentiality_rule_ops_budget and those of its parts)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.add_line(cls.part)
        cls.user_cfo = ops_user(
            cls.env, "ops_cfo", "ops_org.ops_org_group_finance", cls.env.company
        )
        # Set up as superuser: the test user of Accounting is not HR.
        cfo = cls.env["hr.employee"].sudo().create({"name": "CFO", "user_id": cls.user_cfo.id})
        cls.env["ops.nda"].sudo().create({"employee_id": cfo.id, "date_signed": date.today()})
        cfo.ops_clearance = "confidential"
        cls.budget.sudo().write(
            {
                "ops_level": "confidential",
                "ops_category": "financial_information",
                "ops_need_to_know_user_ids": [(6, 0, cls.user_cfo.ids)],
            }
        )

    def test_confidential_budget_hidden_without_clearance(self):
        for user in (self.user_finance, self.user_head, self.user_leader):
            self.assertFalse(
                self.env["ops.budget"].with_user(user).search([("id", "=", self.budget.id)])
            )
            self.assertFalse(
                self.env["ops.budget.line"].with_user(user).search([("id", "=", self.line.id)])
            )
            self.assertFalse(
                self.env["ops.budget.department"]
                .with_user(user)
                .search([("id", "=", self.part.id)])
            )
            with self.assertRaises(AccessError):
                self.budget.with_user(user).read(["name"])

    def test_confidential_budget_seen_by_cleared_finance(self):
        Budget = self.env["ops.budget"].with_user(self.user_cfo)
        self.assertEqual(Budget.search([("id", "=", self.budget.id)]), self.budget)
        self.assertEqual(
            self.env["ops.budget.line"]
            .with_user(self.user_cfo)
            .search([("id", "=", self.line.id)]),
            self.line,
        )
