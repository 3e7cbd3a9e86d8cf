# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class OpsApprovalTester(models.Model):
    """A document that uses the suite's approval machinery, for tests."""

    _name = "ops.approval.tester"
    _description = "Approval Tester"
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _ops_requester_field = "user_id"

    name = fields.Char(default="Request")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft",
    )
    amount = fields.Float()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def action_confirm(self):
        self.write({"state": "confirmed"})
