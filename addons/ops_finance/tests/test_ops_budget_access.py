# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BudgetCommon


@tagged("post_install", "-at_install", "ops_access")
class TestBudgetAccess(BudgetCommon):
    """One test per ACL row and per record rule of the budget models."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.add_line(cls.part)
        cls.other_line = cls.add_line(cls.other_part, user=cls.user_other_head)
        cls.adjustment = (
            cls.env["ops.budget.adjustment"]
            .sudo()
            .create(
                {
                    "budget_id": cls.budget.id,
                    "department_id": cls.department.id,
                    "explanation": "<p>Campaign</p>",
                    "line_ids": [(0, 0, {"budget_line_id": cls.line.id, "amount": 100})],
                }
            )
        )
        cls.other_adjustment = (
            cls.env["ops.budget.adjustment"]
            .sudo()
            .create(
                {
                    "budget_id": cls.budget.id,
                    "department_id": cls.other_department.id,
                    "explanation": "<p>Fair</p>",
                    "line_ids": [(0, 0, {"budget_line_id": cls.other_line.id, "amount": 50})],
                }
            )
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})

    def _search(self, model, user):
        return self.env[model].with_user(user).search([])

    # -- ops.budget --------------------------------------------------------

    def test_department_head_reads_budgets_only(self):
        # access_ops_budget_department_head
        budget = self.budget.with_user(self.user_head)
        self.assertEqual(budget.name, "Budget 2027")
        with self.assertRaises(AccessError):
            budget.write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.env["ops.budget"].with_user(self.user_head).create({"name": "X", "year": 2028})

    def test_finance_manages_budgets(self):
        # access_ops_budget_finance
        budget = (
            self.env["ops.budget"]
            .with_user(self.user_finance)
            .create({"name": "Budget 2028", "year": 2028})
        )
        budget.write({"name": "Budget 2028 v1"})
        budget.unlink()

    def test_leadership_reads_budgets_only(self):
        # access_ops_budget_leadership
        self.assertIn(self.budget, self._search("ops.budget", self.user_leader))
        with self.assertRaises(AccessError):
            self.budget.with_user(self.user_leader).write({"name": "Mine"})

    def test_employee_has_no_access_to_budgets(self):
        # no row for ops_org_group_employee on any budget model
        for model in (
            "ops.budget",
            "ops.budget.department",
            "ops.budget.line",
            "ops.budget.adjustment",
            "ops.budget.adjustment.line",
        ):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.user_employee).search([])

    def test_budget_of_another_company_is_invisible(self):
        # ops_budget_rule_company
        other = (
            self.env["ops.budget"]
            .sudo()
            .create({"name": "Elsewhere", "year": 2027, "company_id": self.other_company.id})
        )
        self.assertNotIn(other, self._search("ops.budget", self.user_finance))

    # -- ops.budget.department ---------------------------------------------

    def test_department_head_writes_their_department_budget(self):
        # access_ops_budget_department_department_head
        self.part.with_user(self.user_head).write({"note": "<p>Assumptions</p>"})
        with self.assertRaises(AccessError):
            self.env["ops.budget.department"].with_user(self.user_head).create(
                {"budget_id": self.budget.id, "department_id": self.department.id}
            )

    def test_department_head_sees_their_department_only(self):
        # ops_budget_department_rule_department_head
        self.assertEqual(self._search("ops.budget.department", self.user_head), self.part)
        with self.assertRaises(AccessError):
            self.other_part.with_user(self.user_head).read(["planned_amount"])

    def test_finance_manages_all_department_budgets(self):
        # access_ops_budget_department_finance + ops_budget_department_rule_finance
        parts = self._search("ops.budget.department", self.user_finance)
        self.assertIn(self.part, parts)
        self.assertIn(self.other_part, parts)
        self.other_part.with_user(self.user_finance).write({"note": "<p>Checked</p>"})

    def test_leadership_reads_all_department_budgets(self):
        # access_ops_budget_department_leadership + ops_budget_department_rule_leadership
        parts = self._search("ops.budget.department", self.user_leader)
        self.assertIn(self.other_part, parts)
        with self.assertRaises(AccessError):
            self.other_part.with_user(self.user_leader).write({"note": "<p>x</p>"})

    def test_department_budget_of_another_company_is_invisible(self):
        # ops_budget_department_rule_company
        other = (
            self.env["ops.budget"]
            .sudo()
            .create({"name": "Elsewhere", "year": 2027, "company_id": self.other_company.id})
        )
        part = (
            self.env["ops.budget.department"]
            .sudo()
            .create({"budget_id": other.id, "department_id": self.department.id})
        )
        self.assertNotIn(part, self._search("ops.budget.department", self.user_finance))

    # -- ops.budget.line ----------------------------------------------------

    def test_department_head_manages_their_lines(self):
        # access_ops_budget_line_department_head
        line = self.add_line(self.part, month="6")
        line.with_user(self.user_head).write({"planned_amount": 10.0})
        line.with_user(self.user_head).unlink()

    def test_department_head_sees_their_lines_only(self):
        # ops_budget_line_rule_department_head
        self.assertEqual(self._search("ops.budget.line", self.user_head), self.line)
        with self.assertRaises(AccessError):
            self.add_line(self.other_part, month="7", user=self.user_head)

    def test_finance_manages_all_lines(self):
        # access_ops_budget_line_finance + ops_budget_line_rule_finance
        lines = self._search("ops.budget.line", self.user_finance)
        self.assertEqual(lines & (self.line | self.other_line), self.line | self.other_line)
        self.other_line.with_user(self.user_finance).write({"planned_amount": 5.0})

    def test_leadership_reads_all_lines(self):
        # access_ops_budget_line_leadership + ops_budget_line_rule_leadership
        self.assertIn(self.other_line, self._search("ops.budget.line", self.user_leader))
        with self.assertRaises(AccessError):
            self.other_line.with_user(self.user_leader).write({"planned_amount": 5.0})

    def test_line_of_another_company_is_invisible(self):
        # ops_budget_line_rule_company
        self.env.cr.execute(
            "UPDATE ops_budget_line SET company_id = %s WHERE id = %s",
            [self.other_company.id, self.other_line.id],
        )
        self.env.invalidate_all()
        self.assertNotIn(self.other_line, self._search("ops.budget.line", self.user_finance))

    # -- ops.budget.adjustment ------------------------------------------------

    def test_department_head_requests_adjustments(self):
        # access_ops_budget_adjustment_department_head
        request = (
            self.env["ops.budget.adjustment"]
            .with_user(self.user_head)
            .create(
                {
                    "budget_id": self.budget.id,
                    "department_id": self.department.id,
                    "explanation": "<p>More</p>",
                }
            )
        )
        request.write({"reason": "strategy"})
        with self.assertRaises(AccessError):
            request.unlink()

    def test_department_head_sees_their_department_requests(self):
        # ops_budget_adjustment_rule_department_head
        self.assertEqual(self._search("ops.budget.adjustment", self.user_head), self.adjustment)
        with self.assertRaises(AccessError):
            self.other_adjustment.with_user(self.user_head).read(["name"])

    def test_finance_reviews_all_requests(self):
        # access_ops_budget_adjustment_finance + ops_budget_adjustment_rule_finance
        requests = self._search("ops.budget.adjustment", self.user_finance)
        self.assertIn(self.other_adjustment, requests)
        self.other_adjustment.with_user(self.user_finance).write({"reason": "other"})

    def test_leadership_reads_all_requests(self):
        # access_ops_budget_adjustment_leadership + ops_budget_adjustment_rule_leadership
        self.assertIn(
            self.other_adjustment, self._search("ops.budget.adjustment", self.user_leader)
        )
        with self.assertRaises(AccessError):
            self.other_adjustment.with_user(self.user_leader).write({"reason": "other"})

    def test_request_of_another_company_is_invisible(self):
        # ops_budget_adjustment_rule_company
        self.other_adjustment.company_id = self.other_company
        self.assertNotIn(
            self.other_adjustment, self._search("ops.budget.adjustment", self.user_finance)
        )

    # -- ops.budget.adjustment.line -------------------------------------------

    def test_department_head_writes_their_request_lines(self):
        # access_ops_budget_adjustment_line_department_head
        # + ops_budget_adjustment_line_rule_department_head
        lines = self._search("ops.budget.adjustment.line", self.user_head)
        self.assertEqual(lines, self.adjustment.line_ids)
        lines.write({"amount": 200.0})
        with self.assertRaises(AccessError):
            self.other_adjustment.line_ids.with_user(self.user_head).read(["amount"])

    def test_finance_sees_all_request_lines(self):
        # access_ops_budget_adjustment_line_finance
        # + ops_budget_adjustment_line_rule_finance
        lines = self._search("ops.budget.adjustment.line", self.user_finance)
        self.assertIn(self.other_adjustment.line_ids, lines)
        self.other_adjustment.line_ids.with_user(self.user_finance).write({"amount": 60.0})

    def test_leadership_reads_all_request_lines(self):
        # access_ops_budget_adjustment_line_leadership
        # + ops_budget_adjustment_line_rule_leadership
        lines = self._search("ops.budget.adjustment.line", self.user_leader)
        self.assertIn(self.other_adjustment.line_ids, lines)
        with self.assertRaises(AccessError):
            self.other_adjustment.line_ids.with_user(self.user_leader).write({"amount": 1.0})

    def test_request_line_of_another_company_is_invisible(self):
        # ops_budget_adjustment_line_rule_company
        self.other_adjustment.company_id = self.other_company
        self.assertNotIn(
            self.other_adjustment.line_ids,
            self._search("ops.budget.adjustment.line", self.user_finance),
        )
