# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_expense_policy = fields.Boolean(
        string="Expense Approval Chain",
        help="Expense reports of this company need receipts and go through the "
        "approval chain of the policy (department head, finance check, "
        "leadership) before they are paid.",
    )
    ops_expense_budget_check = fields.Selection(
        [
            ("none", "No check"),
            ("warn", "Warn"),
            ("block", "Block"),
        ],
        string="Budget Check of Expenses",
        default="warn",
        required=True,
        help="When an expense report is submitted, its amounts are set against "
        "the remaining approved budget of the department's cost centre, account "
        "and month: beyond it, warn (the report carries the warning) or refuse "
        "the submission.",
    )

    @api.model
    def _ops_enable_expense_policy(self):
        """At installation (and by the 18.0.1.1.0 migration): the existing
        companies run their expense reports through the chain; companies
        created later opt in from the settings."""
        self.sudo().search([]).write({"ops_expense_policy": True})
