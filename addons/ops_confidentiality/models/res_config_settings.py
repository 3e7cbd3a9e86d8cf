# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_nda_reminder_days = fields.Integer(
        related="company_id.ops_nda_reminder_days", readonly=False
    )
    ops_violation_days = fields.Integer(related="company_id.ops_violation_days", readonly=False)
    ops_violation_reminder_days = fields.Integer(
        related="company_id.ops_violation_reminder_days", readonly=False
    )
    ops_ip_alert_days = fields.Integer(related="company_id.ops_ip_alert_days", readonly=False)
