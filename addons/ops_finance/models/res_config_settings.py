# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_expense_policy = fields.Boolean(related="company_id.ops_expense_policy", readonly=False)
    ops_expense_budget_check = fields.Selection(
        related="company_id.ops_expense_budget_check", readonly=False
    )
    ops_funding_reminder_days = fields.Integer(
        related="company_id.ops_funding_reminder_days", readonly=False
    )
