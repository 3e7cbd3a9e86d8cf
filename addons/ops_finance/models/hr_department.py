# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

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
        langs = [code for code, __ in self.env["res.lang"].get_installed() if code != "en_US"]
        for department in self.filtered(lambda d: not d.ops_analytic_account_id):
            centre = (
                self.env["account.analytic.account"]
                .sudo()
                .create(
                    {
                        "name": department.with_context(lang="en_US").name,
                        "code": department.code or False,
                        "plan_id": plan.id,
                        "company_id": department.company_id.id,
                    }
                )
            )
            # Named as the department in each language (设计部 in Chinese).
            centre.update_field_translations(
                "name", {lang: department.with_context(lang=lang).name for lang in langs}
            )
            department.sudo().ops_analytic_account_id = centre
        return self.ops_analytic_account_id
