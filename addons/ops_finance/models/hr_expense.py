# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HrExpense(models.Model):
    _inherit = "hr.expense"

    ops_budget_amount = fields.Monetary(
        string="Amount on the Expense Account",
        currency_field="company_currency_id",
        compute="_compute_ops_budget_amount",
        store=True,
        help="What the expense posts to its expense account, in the company's currency: "
        "the total less the tax booked on a tax account (recoverable tax). It counts "
        "against the budget while the report is approved and not posted (committed), "
        "then as the posted amount (actual).",
    )

    @api.depends("product_id", "account_id", "employee_id", "employee_id.department_id")
    def _compute_analytic_distribution(self):
        """Without a distribution model, an expense is booked on the cost
        centre of the employee's department, so it counts against that
        department's budget."""
        res = super()._compute_analytic_distribution()
        for expense in self:
            if not expense.analytic_distribution and expense.employee_id.department_id:
                cost_centre = expense.employee_id.department_id.sudo().ops_analytic_account_id
                if cost_centre and cost_centre.company_id in (
                    expense.company_id,
                    self.env["res.company"],
                ):
                    expense.analytic_distribution = {str(cost_centre.id): 100.0}
        return res

    @api.depends(
        "total_amount",
        "tax_ids",
        "account_id",
        "company_id",
        "vendor_id",
        "tax_ids.analytic",
        "tax_ids.repartition_line_ids.account_id",
        "tax_ids.repartition_line_ids.use_in_tax_closing",
    )
    def _compute_ops_budget_amount(self):
        """The tax computation Odoo runs when it books the expense (the
        helpers of ``hr.expense._prepare_payments_vals``): a tax amount
        stays in when Odoo books it on the expense account with the
        expense's cost centres (a non-recoverable tax: no account of its own
        and analytic, or kept out of the tax return); every other one (a
        recoverable tax, on a tax account) is taken off the total."""
        AccountTax = self.env["account.tax"]
        for expense in self:
            if not expense.tax_ids or not expense.company_id:
                expense.ops_budget_amount = expense.total_amount
                continue
            company = expense.company_id
            base_line = expense._prepare_base_line_for_taxes_computation(
                price_unit=expense.total_amount,
                quantity=1.0,
                currency_id=expense.company_currency_id,
                rate=1.0,
                account_id=expense._get_base_account(),
            )
            AccountTax._add_tax_details_in_base_lines([base_line], company)
            AccountTax._round_base_lines_tax_details([base_line], company)
            AccountTax._add_accounting_data_in_base_lines_tax_details([base_line], company)
            account = base_line["account_id"]
            elsewhere = 0.0
            for tax_data in base_line["tax_details"]["taxes_data"]:
                for rep in tax_data["tax_reps_data"]:
                    on_cost_centre = (
                        tax_data["tax"].analytic or not rep["tax_rep"].use_in_tax_closing
                    )
                    if rep["account"] != account or not on_cost_centre:
                        elsewhere += rep["tax_amount"]
            expense.ops_budget_amount = expense.total_amount - elsewhere
