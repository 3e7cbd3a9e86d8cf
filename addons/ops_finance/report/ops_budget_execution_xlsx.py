# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class OpsBudgetExecutionXlsx(models.AbstractModel):
    """The monthly execution of a budget as an Excel workbook (OCA
    report_xlsx): one row per department, account and month, with the
    budget, actual, committed, remaining and variance of that month."""

    _name = "report.ops_finance.budget_execution_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Budget Execution (Excel)"

    def _figures(self):
        return [
            "budget_amount",
            "actual_amount",
            "committed_amount",
            "remaining_amount",
            "variance_amount",
        ]

    def _rows(self, budget):
        """Grouped rows of the execution report for the budget's company and
        year, as the reader may see them."""
        return self.env["ops.budget.execution.report"]._read_group(
            [
                ("company_id", "=", budget.company_id.id),
                ("date", ">=", budget.date_from),
                ("date", "<=", budget.date_to),
                "|",
                ("budget_id", "=", budget.id),
                ("kind", "!=", "budget"),
            ],
            ["date:month", "department_id", "account_id"],
            [f"{name}:sum" for name in self._figures()],
            order="date:month, department_id, account_id",
        )

    # Called by report_xlsx with a workbook, never over RPC.
    @api.private
    def generate_xlsx_report(self, workbook, data, budgets):
        _ = self.env._
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        title = workbook.add_format({"bold": True, "font_size": 14})
        money = workbook.add_format({"num_format": "#,##0.00"})
        labels = [
            _("Month"),
            _("Department"),
            _("Account"),
            _("Budget"),
            _("Actual"),
            _("Committed"),
            _("Remaining"),
            _("Variance"),
        ]
        for budget in budgets:
            sheet = workbook.add_worksheet(budget.name[:31])
            sheet.write(0, 0, _("Budget execution: %(name)s", name=budget.name), title)
            for col, label in enumerate(labels):
                sheet.write(2, col, label, header)
                sheet.set_column(col, col, 22 if col < 3 else 16)
            for row, (month, department, account, *figures) in enumerate(
                self._rows(budget), start=3
            ):
                sheet.write(row, 0, month.strftime("%Y-%m") if month else "")
                sheet.write(row, 1, department.name or "")
                sheet.write(row, 2, account.display_name or "")
                for col, value in enumerate(figures, start=3):
                    sheet.write_number(row, col, value or 0.0, money)
