# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_meeting_notice_hours = fields.Integer(
        related="company_id.ops_meeting_notice_hours", readonly=False
    )
