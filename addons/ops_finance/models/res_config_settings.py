# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_expense_policy = fields.Boolean(related="company_id.ops_expense_policy", readonly=False)
    ops_expense_budget_check = fields.Selection(
        related="company_id.ops_expense_budget_check", readonly=False
    )
    ops_budget_call_month = fields.Integer(
        related="company_id.ops_budget_call_month", readonly=False
    )
    ops_budget_call_day = fields.Integer(related="company_id.ops_budget_call_day", readonly=False)
    ops_budget_draft_days = fields.Integer(
        related="company_id.ops_budget_draft_days", readonly=False
    )
    ops_budget_reminder_days = fields.Integer(
        related="company_id.ops_budget_reminder_days", readonly=False
    )
    ops_cash_plan_day = fields.Integer(related="company_id.ops_cash_plan_day", readonly=False)
    ops_funding_reminder_days = fields.Integer(
        related="company_id.ops_funding_reminder_days", readonly=False
    )
