# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_meeting_notice_hours = fields.Integer(
        string="Meeting Notice (Hours)",
        default=24,
        ops_min=0,
        ops_max=336,
        help="Policy §三(二)2: company meetings are announced to their attendees at least "
        "this many hours before they start; a meeting set up or changed later needs the "
        "reason for the short notice. 0: no notice period.",
    )
