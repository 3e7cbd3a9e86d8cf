# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Time off types that cannot be asked for in advance, flagged at
# installation (an administrator flags the company's own).
UNFORESEEABLE_TYPES = ("hr_holidays.holiday_status_sl",)


class HrLeaveType(models.Model):
    _inherit = "hr.leave.type"

    ops_authority_chain = fields.Boolean(
        string="Approval by Authority Level",
        help="Requests of this time off type are approved by the tiers of the policy "
        "(department head; HR beyond one day; leadership beyond three days) in the "
        "companies that turn the chain on. The time off types existing at installation "
        "are flagged; a type created later opts in here.",
    )
    ops_notice_days = fields.Integer(
        string="Notice (Working Days)",
        default=1,
        help="Time off is requested in advance (policy §三(二)1): at the latest this many "
        "working days of the employee's schedule (public holidays excluded) before its "
        "first day, the day of the request counting if it is a working day. With 1, a "
        "time off starting on a Monday is requested on the Friday before at the latest; "
        "with 2, on the Thursday. 0: no notice. A request made later is on short notice: "
        "on the approval chain it needs a reason and goes one step higher (the department "
        "head and HR for one day, leadership too beyond one day).",
    )
    ops_unforeseeable = fields.Boolean(
        string="Unforeseeable",
        help="Time off that cannot be requested in advance (sick leave): its requests are "
        "never on short notice, whatever the notice above.",
    )

    @api.constrains("ops_notice_days")
    def _check_ops_notice_days(self):
        if any(leave_type.ops_notice_days < 0 for leave_type in self):
            raise ValidationError(self.env._("The notice of a time off type cannot be negative."))

    @api.model
    def _ops_flag_authority_chain(self):
        """At installation: the time off types that exist then (Odoo's own
        and the company's) are approved by authority level."""
        self.sudo().with_context(active_test=False).search([]).write({"ops_authority_chain": True})

    @api.model
    def _ops_flag_unforeseeable(self):
        """At installation: Odoo's sick time off is unforeseeable (if it
        still exists)."""
        for xmlid in UNFORESEEABLE_TYPES:
            leave_type = self.env.ref(xmlid, raise_if_not_found=False)
            if leave_type and leave_type._name == self._name:
                leave_type.sudo().ops_unforeseeable = True
