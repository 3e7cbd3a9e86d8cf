# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition


class OpsProjectChangeRequest(models.Model):
    """A change of requirements during development (policy §三(一)4), with
    its own approval: the project lead, then Leadership. Whoever asked
    (``requested_by_id``, the current user, never someone else) decides no
    step of it."""

    _name = "ops.project.change.request"
    _ops_classified_by = "project_id"  # confidentiality follows it (ops_org base)
    _description = "Requirement Change Request"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_requester_field = "requested_by_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "rejected"

    # Submitted and cancelled by whoever may write the request (the project
    # team, the head of the requesting department, Leadership); approved or
    # rejected only through its review.
    _ops_transitions = {
        "submit": Transition(("draft",), None),
        "cancel": Transition(("draft",), "cancel"),
    }
    _ops_subject_fields = ("requested_by_id",)
    _ops_decision_methods = ("validate_tier", "reject_tier")
    _ops_harmless_methods = ("action_submit", "action_cancel")

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

    def _tier_validation_check_write_allowed(self, vals):
        # OCA lets a ``skip_validation_check`` context key write a request
        # under review; anyone can send a context key over RPC.
        return super(
            OpsProjectChangeRequest, self.with_context(skip_validation_check=False)
        )._tier_validation_check_write_allowed(vals)

    def _add_tier_validation_buttons(self, node, params):
        # Submission is this model's own step (action_submit, in the view):
        # OCA's Request / Restart Validation buttons call methods the suite
        # refuses from outside its steps.
        return etree.fromstring('<div><field name="validation_status" invisible="1"/></div>')

    def action_submit(self):
        """Ask for the review of the change: the project lead, then
        Leadership."""
        self._ops_transition("submit")
        # The step writes nothing: check here that the user may write the
        # request, as any other step does by writing it.
        self.check_access("write")
        for request in self:
            if request.validation_status != "no":
                raise UserError(
                    self.env._("%(request)s was already submitted.", request=request.display_name)
                )
        self._check_development_phase()
        self._ops_request_validation()
        return True

    def action_cancel(self):
        self._ops_transition("cancel")
        return True
