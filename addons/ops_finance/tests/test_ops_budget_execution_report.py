# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import zipfile

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetExecutionReport(BudgetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)
        cls.other_line = cls.add_line(
            cls.other_part, month="1", amount=400.0, user=cls.user_other_head
        )
        cls.approve_budget()
        cls.item = cls.post_item(300.0, "2027-01-15")
        cls.post_item(100.0, "2027-01-20", analytic=cls.other_department.ops_analytic_account_id)
        cls.post_item(999.0, "2027-01-21", state="draft")
        cls.Report = cls.env["ops.budget.execution.report"]

    def _figures(self, user, department):
        groups = self.Report.with_user(user)._read_group(
            [
                ("department_id", "=", department.id),
                ("date", ">=", "2027-01-01"),
                ("date", "<=", "2027-01-31"),
            ],
            ["department_id"],
            [
                "budget_amount:sum",
                "actual_amount:sum",
                "committed_amount:sum",
                "remaining_amount:sum",
                "variance_amount:sum",
            ],
        )
        return groups[0][1:] if groups else None

    def test_figures_per_department_and_month(self):
        self.assertEqual(
            self._figures(self.user_finance, self.department), (1000.0, 300.0, 0.0, 700.0, 700.0)
        )
        self.assertEqual(
            self._figures(self.user_finance, self.other_department),
            (400.0, 100.0, 0.0, 300.0, 300.0),
        )
        # The report agrees with the budget line.
        self.line.invalidate_recordset()
        self.assertEqual(self.line.remaining_amount, 700.0)

    def test_actual_rows_open_their_journal_items(self):
        rows = self.Report.with_user(self.user_finance).search(
            [("department_id", "=", self.department.id), ("kind", "=", "actual")]
        )
        action = rows.action_open_journal_items()
        items = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(items, self.item.line_ids.filtered(lambda i: i.account_id == self.account))

    def test_department_head_sees_their_department_only(self):
        # ops_budget_execution_report_rule_department_head
        # + access_ops_budget_execution_report_department_head
        rows = self.Report.with_user(self.user_head).search([])
        self.assertEqual(rows.department_id, self.department)
        self.assertIsNone(self._figures(self.user_head, self.other_department))

    def test_finance_and_leadership_see_all(self):
        # access_ops_budget_execution_report_finance + ops_budget_execution_report_rule_finance
        # access_ops_budget_execution_report_leadership
        # + ops_budget_execution_report_rule_leadership
        for user in (self.user_finance, self.user_leader):
            departments = self.Report.with_user(user).search([]).department_id
            self.assertIn(self.other_department, departments)
            self.assertIn(self.department, departments)

    def test_employee_has_no_access(self):
        # no row for ops_org_group_employee
        with self.assertRaises(AccessError):
            self.Report.with_user(self.user_employee).search([])

    def test_rows_of_another_company_are_invisible(self):
        # ops_budget_execution_report_rule_company
        other_company = self.env["res.company"].create({"name": "Other Media Co"})
        self.env.cr.execute(
            "UPDATE account_move_line SET company_id = %s WHERE move_id = %s",
            [other_company.id, self.item.id],
        )
        self.env.invalidate_all()
        rows = self.Report.with_user(self.user_finance).search([("kind", "=", "actual")])
        self.assertNotIn(self.department, rows.department_id)

    def test_excel_export(self):
        report = self.env.ref("ops_finance.ops_budget_report_xlsx").with_user(self.user_finance)
        content, kind = report._render(report.report_name, self.budget.ids)
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("Studio", strings)
        self.assertIn("Sales", strings)
