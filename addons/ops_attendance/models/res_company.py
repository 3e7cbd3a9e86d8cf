# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_leave_policy = fields.Boolean(
        string="Leave Approval by Authority Level",
        help="Time off requests of this company are approved by the tiers of the "
        "policy (department head; HR beyond one day; leadership beyond three days) "
        "instead of Odoo's time off approvers.",
    )
    ops_late_tolerance = fields.Integer(
        string="Lateness Tolerance (Minutes)",
        default=5,
        help="An arrival later than the start of the schedule by more than this is a late arrival.",
    )
    ops_early_tolerance = fields.Integer(
        string="Early Departure Tolerance (Minutes)",
        default=5,
        help="A departure earlier than the end of the schedule by more than this "
        "is an early departure.",
    )
    ops_overtime_minimum = fields.Integer(
        string="Minimum Overtime (Minutes)",
        default=30,
        help="Time worked outside the schedule on a day counts as overtime from this many minutes.",
    )
    ops_dispute_days = fields.Integer(
        string="Dispute Period (Days)",
        default=3,
        help="After HR publishes a month, employees may dispute their line for this many days.",
    )

    @api.constrains(
        "ops_late_tolerance", "ops_early_tolerance", "ops_overtime_minimum", "ops_dispute_days"
    )
    def _check_ops_attendance_settings(self):
        for company in self:
            if (
                min(
                    company.ops_late_tolerance,
                    company.ops_early_tolerance,
                    company.ops_overtime_minimum,
                    company.ops_dispute_days,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("Attendance tolerances and the dispute period cannot be negative.")
                )

    @api.model
    def _ops_enable_leave_policy(self):
        """At installation: the existing companies approve time off by
        authority level; companies created later opt in from the settings."""
        self.sudo().search([]).write({"ops_leave_policy": True})
