# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OpsProjectChangeRequest(models.Model):
    """A change of requirements during development (policy §三(一)4), with
    its own approval: the project lead, then Leadership."""

    _name = "ops.project.change.request"
    _description = "Requirement Change Request"
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_requester_field = "requested_by_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "rejected"

    name = fields.Char(string="Change", required=True, tracking=True)
    project_id = fields.Many2one("project.project", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    project_user_id = fields.Many2one(
        related="project_id.user_id", string="Project Lead", store=True
    )
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True, readonly=True
    )
    department_id = fields.Many2one("hr.department", string="Requesting Department")
    description = fields.Html(required=True)
    reason = fields.Text(required=True)
    impact_schedule_days = fields.Integer(string="Schedule Impact (days)")
    impact_cost = fields.Monetary(string="Cost Impact", currency_field="currency_id")
    currency_id = fields.Many2one(related="project_id.company_id.currency_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    @api.constrains("project_id", "state")
    def _check_development_phase(self):
        for request in self:
            if request.state == "draft" and request.project_id.ops_phase != "development":
                raise ValidationError(
                    self.env._(
                        "Requirement changes go through a change request during "
                        "development; %(project)s is in %(phase)s.",
                        project=request.project_id.display_name,
                        phase=request.project_id.ops_phase_id.name,
                    )
                )

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["state"]

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state"]

    def action_cancel(self):
        for request in self:
            if request.state != "draft":
                raise UserError(self.env._("Only a draft change request can be cancelled."))
        self.sudo().write({"state": "cancel"})
        return True
