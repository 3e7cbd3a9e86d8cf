# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models


class HrExpense(models.Model):
    _inherit = "hr.expense"

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
