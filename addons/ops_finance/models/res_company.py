# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_funding_reminder_days = fields.Integer(
        string="Funding Reminder (Days)",
        default=7,
        help="Finance gets an activity this many days before a funding schedule item falls due.",
    )

    @api.constrains("ops_funding_reminder_days")
    def _check_ops_funding_reminder_days(self):
        for company in self:
            if company.ops_funding_reminder_days < 0:
                raise ValidationError(self.env._("The funding reminder period cannot be negative."))
