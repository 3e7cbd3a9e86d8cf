# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    ops_budget_call_month = fields.Integer(
        string="Budget Call Month",
        default=11,
        ops_min=1,
        ops_max=12,
        help="Policy §六(一)1 (每年年底): from this day of the year (month and day below) "
        "next year's budget opens and each department head is asked to draft their part.",
    )
    ops_budget_call_day = fields.Integer(
        string="Budget Call Day", default=15, ops_min=1, ops_max=31
    )
    ops_budget_draft_days = fields.Integer(
        string="Budget Drafting (Days)",
        default=30,
        ops_min=1,
        ops_max=120,
        help="The heads' drafting activity is due this many days after the budget opens.",
    )
    ops_budget_reminder_days = fields.Integer(
        string="Budget Drafting Reminder (Days)",
        default=5,
        ops_min=0,
        ops_max=60,
        help="Heads whose part is still a draft are reminded this many days before it is due.",
    )
    ops_cash_plan_day = fields.Integer(
        string="Cash Plan Drafting Day",
        default=20,
        ops_min=1,
        ops_max=28,
        help="Policy §六(三)1 (每月): on this day of each month next month's cash plan is "
        "drafted from the funding schedules and the known commitments, and finance is told "
        "to complete and submit it before the month starts.",
    )
    ops_funding_reminder_days = fields.Integer(
        string="Funding Reminder (Days)",
        default=7,
        ops_min=0,
        ops_max=366,
        help="Finance gets an activity this many days before a funding schedule item falls due.",
    )

    @api.constrains("ops_funding_reminder_days")
    def _check_ops_funding_reminder_days(self):
        for company in self:
            if company.ops_funding_reminder_days < 0:
                raise ValidationError(self.env._("The funding reminder period cannot be negative."))
