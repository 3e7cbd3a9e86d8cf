# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class HrDepartment(models.Model):
    """Each department is a cost centre: an analytic account in the plan
    "Cost Centres", on which its journal items are booked and its budget is
    measured."""

    _inherit = "hr.department"

    ops_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Cost Centre",
        copy=False,
        check_company=True,
        help="Analytic account of the department: journal items carrying it count "
        "against the department's budget.",
    )

    def _ops_cost_centre(self):
        """The department's analytic account, created in the plan
        "Cost Centres" the first time it is needed."""
        plan = self.env.ref("ops_finance.account_analytic_plan_cost_centres")
        for department in self.filtered(lambda d: not d.ops_analytic_account_id):
            department.sudo().ops_analytic_account_id = (
                self.env["account.analytic.account"]
                .sudo()
                .create(
                    {
                        "name": department.name,
                        "code": department.code or False,
                        "plan_id": plan.id,
                        "company_id": department.company_id.id,
                    }
                )
            )
        return self.ops_analytic_account_id
