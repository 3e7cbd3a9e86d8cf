# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition


class OpsApprovalTester(models.Model):
    """A document that uses the suite's approval machinery, for tests."""

    _name = "ops.approval.tester"
    _description = "Approval Tester"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _ops_requester_field = "user_id"
    _state_from = ["draft"]
    _state_to = ["confirmed"]
    _ops_state_validated = "confirmed"
    _ops_transitions = {
        "submit": Transition(("draft",), None),
        "cancel": Transition(("draft", "confirmed"), "cancel"),
    }

    name = fields.Char(default="Request")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft",
    )
    amount = fields.Float()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def action_submit(self):
        self._ops_transition("submit")
        self._ops_request_validation()
        return True

    def action_cancel(self):
        self._ops_transition("cancel")
        return True


class OpsApprovalTesterPlain(models.Model):
    """The same document without a chatter (no ``mail.thread``)."""

    _name = "ops.approval.tester.plain"
    _description = "Approval Tester Without Chatter"
    _inherit = ["tier.validation", "ops.workflow.mixin"]
    _ops_requester_field = "user_id"
    _state_from = ["draft"]
    _state_to = ["confirmed"]
    _ops_state_validated = "confirmed"
    _ops_transitions = {"submit": Transition(("draft",), None)}

    name = fields.Char(default="Request")
    state = fields.Selection([("draft", "Draft"), ("confirmed", "Confirmed")], default="draft")
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def action_submit(self):
        self._ops_transition("submit")
        self._ops_request_validation()
        return True
