# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_nda_reminder_days = fields.Integer(
        string="NDA Reminder (Days)",
        default=30,
        help="The employee and the confidentiality officers are reminded this many "
        "days before a non-disclosure agreement expires.",
    )
    ops_violation_days = fields.Integer(
        string="Violation Investigation (Days)",
        default=30,
        help="A violation case is to be decided this many days after it is reported "
        "(policy §七(一)3: investigated promptly); the officers may set another date.",
    )
    ops_violation_reminder_days = fields.Integer(
        string="Violation Reminder (Days)",
        default=3,
        help="The officers are reminded this many days before a violation case is due.",
    )
    ops_ip_alert_days = fields.Integer(
        string="IP Expiry Alert (Days)",
        default=60,
        help="Administration is alerted this many days before a registration or a "
        "licence of the intellectual property register expires.",
    )
