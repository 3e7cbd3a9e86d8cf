# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_leave_policy = fields.Boolean(related="company_id.ops_leave_policy", readonly=False)
    ops_late_tolerance = fields.Integer(related="company_id.ops_late_tolerance", readonly=False)
    ops_early_tolerance = fields.Integer(related="company_id.ops_early_tolerance", readonly=False)
    ops_overtime_minimum = fields.Integer(related="company_id.ops_overtime_minimum", readonly=False)
    ops_dispute_days = fields.Integer(related="company_id.ops_dispute_days", readonly=False)
