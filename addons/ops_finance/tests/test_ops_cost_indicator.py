# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import BudgetCommon


@tagged("post_install", "-at_install")
class TestCostIndicator(BudgetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_line(cls.part, month="1", amount=1000.0)
        cls.add_line(cls.other_part, month="1", amount=1000.0, user=cls.user_other_head)
        cls.approve_budget()
        cls.post_item(900.0, "2027-01-10")
        Indicator = cls.env["ops.cost.indicator"].with_user(cls.user_finance)
        cls.indicator = Indicator.create(
            {
                "name": "Studio costs January",
                "department_id": cls.department.id,
                "date_from": "2027-01-01",
                "date_to": "2027-01-31",
                "measure": "consumption",
                "target": 80.0,
            }
        )
        cls.other_indicator = Indicator.create(
            {
                "name": "Sales costs January",
                "department_id": cls.other_department.id,
                "date_from": "2027-01-01",
                "date_to": "2027-01-31",
                "measure": "spend",
                "target": 500.0,
            }
        )

    def test_assessment_freezes_result_and_score(self):
        self.assertAlmostEqual(self.indicator.actual, 90.0)
        self.indicator.with_user(self.user_finance).action_assess()
        self.assertEqual(self.indicator.result, "missed")
        self.assertAlmostEqual(self.indicator.score, 87.5)
        self.other_indicator.with_user(self.user_finance).action_assess()
        self.assertEqual(self.other_indicator.result, "met")
        self.assertEqual(self.other_indicator.score, 100.0)
        # Frozen: later spending does not change the assessment.
        self.post_item(300.0, "2027-01-20")
        self.assertAlmostEqual(self.indicator.assessed_actual, 90.0)
        with self.assertRaises(UserError):
            self.indicator.with_user(self.user_finance).target = 95.0
        self.assertEqual(self.indicator.target, 80.0)

    def test_only_finance_assesses(self):
        with self.assertRaises(UserError):
            self.indicator.with_user(self.user_leader).action_assess()
        self.assertEqual(self.indicator.state, "open")

    def test_bad_period_or_target_is_refused(self):
        with self.assertRaises(ValidationError):
            self.indicator.with_user(self.user_finance).date_to = "2026-12-31"
        with self.assertRaises(ValidationError):
            self.indicator.with_user(self.user_finance).target = 0.0

    def test_department_head_reads_their_department_indicators(self):
        # access_ops_cost_indicator_department_head + ops_cost_indicator_rule_department_head
        Indicator = self.env["ops.cost.indicator"].with_user(self.user_head)
        self.assertEqual(Indicator.search([]), self.indicator)
        with self.assertRaises(AccessError):
            self.indicator.with_user(self.user_head).write({"target": 99.0})

    def test_finance_manages_all_indicators(self):
        # access_ops_cost_indicator_finance + ops_cost_indicator_rule_finance
        found = self.env["ops.cost.indicator"].with_user(self.user_finance).search([])
        self.assertIn(self.other_indicator, found)
        self.other_indicator.with_user(self.user_finance).write({"note": "Checked"})

    def test_leadership_reads_all_indicators(self):
        # access_ops_cost_indicator_leadership + ops_cost_indicator_rule_leadership
        found = self.env["ops.cost.indicator"].with_user(self.user_leader).search([])
        self.assertIn(self.other_indicator, found)
        with self.assertRaises(AccessError):
            self.other_indicator.with_user(self.user_leader).write({"note": "Mine"})

    def test_employee_has_no_access(self):
        # no row for ops_org_group_employee
        with self.assertRaises(AccessError):
            self.env["ops.cost.indicator"].with_user(self.user_employee).search([])

    def test_indicator_of_another_company_is_invisible(self):
        # ops_cost_indicator_rule_company
        other_company = self.env["res.company"].create({"name": "Other Media Co"})
        self.other_indicator.sudo().company_id = other_company
        found = self.env["ops.cost.indicator"].with_user(self.user_finance).search([])
        self.assertNotIn(self.other_indicator, found)
