# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class HrLeaveType(models.Model):
    _inherit = "hr.leave.type"

    ops_authority_chain = fields.Boolean(
        string="Approval by Authority Level",
        help="Requests of this time off type are approved by the tiers of the policy "
        "(department head; HR beyond one day; leadership beyond three days) in the "
        "companies that turn the chain on. The time off types existing at installation "
        "are flagged; a type created later opts in here.",
    )

    @api.model
    def _ops_flag_authority_chain(self):
        """At installation: the time off types that exist then (Odoo's own
        and the company's) are approved by authority level."""
        self.sudo().with_context(active_test=False).search([]).write({"ops_authority_chain": True})
