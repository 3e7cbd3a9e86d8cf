# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

ADMINISTRATION = "ops_org.ops_org_group_administration"


class OpsDocumentDestruction(models.Model):
    """A request to destroy a company document (policy §三(二)3: documents
    are not destroyed without authorisation). Approved by leadership on tier
    validation; the approval destroys the document: its versions and their
    files and attachments are removed, the document is marked destroyed, and
    this record keeps who asked, who approved, when and what. Whoever asked
    (the current user, never someone else) decides no step of it."""

    _name = "ops.document.destruction"
    _ops_classified_by = "document_id"  # confidentiality follows it (ops_org base)
    _description = "Document Destruction Request"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_field = "state"
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _tier_validation_manual_config = False
    _ops_requester_field = "requested_by_id"
    _ops_department_field = "department_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "rejected"

    # Administration submits; Leadership's approval (the review's outcome,
    # ``_ops_state_validated``) destroys the document at once.
    _ops_transitions = {
        "submit": Transition(("draft",), "submitted", (ADMINISTRATION,)),
        "destroy": Transition(("approved",), "done"),
    }
    _ops_workflow_fields = (
        "approved_by_id",
        "date_approved",
        "destroyed_by_id",
        "date_destroyed",
        "destroyed_what",
    )
    _ops_subject_fields = ("requested_by_id",)
    _ops_decision_methods = ("validate_tier", "reject_tier")
    _ops_harmless_methods = ("action_submit",)

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    document_id = fields.Many2one(
        "ops.document",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('state', 'not in', ('draft', 'review', 'approval', 'destroyed'))]",
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="document_id.department_id", store=True)
    reason = fields.Text(required=True, tracking=True)
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("done", "Destroyed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    destroyed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_destroyed = fields.Datetime(string="Destroyed On", readonly=True, copy=False)
    destroyed_what = fields.Text(
        string="What Was Destroyed",
        readonly=True,
        copy=False,
        help="The document, its versions and the files removed.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ops.document.destruction") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) & {"document_id", "reason"}:
            if self.filtered(lambda r: r.state != "draft"):
                raise UserError(self.env._("A destruction request cannot change once submitted."))
        return super().write(vals)

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state"]

    def _tier_validation_check_write_allowed(self, vals):
        # OCA lets a ``skip_validation_check`` context key write a request
        # under review; anyone can send a context key over RPC.
        return super(
            OpsDocumentDestruction, self.with_context(skip_validation_check=False)
        )._tier_validation_check_write_allowed(vals)

    def _add_tier_validation_buttons(self, node, params):
        # Submission is this model's own step (Submit): OCA's Request /
        # Restart Validation buttons call methods the suite refuses from
        # outside its steps.
        return etree.fromstring('<div><field name="validation_status" invisible="1"/></div>')

    def action_submit(self):
        for request in self:
            if request.document_id.state in ("draft", "review", "approval", "destroyed"):
                raise UserError(
                    self.env._(
                        "%(document)s cannot be destroyed in its present state.",
                        document=request.document_id.display_name,
                    )
                )
        self._ops_transition("submit")
        self._ops_request_validation()
        return True

    def _ops_on_validated(self):
        self.ensure_one()
        # sudo: the approving leader may not write the request; the values
        # are this step's own.
        self.sudo()._ops_workflow_write(
            {"approved_by_id": self.env.uid, "date_approved": fields.Datetime.now()}
        )
        self._ops_destroy()
        return True

    def _ops_destroy(self):
        """Destroy the document of an approved request."""
        for request in self:
            if request.state != "approved" or request.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(document)s cannot be destroyed: the destruction request "
                        "%(request)s has not been approved.",
                        document=request.sudo().document_id.display_name,
                        request=request.name,
                    )
                )
            document = request.sudo().document_id
            versions = document.version_ids
            attachments = versions._ops_attachments() | (
                self.env["ir.attachment"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", document._name),
                        ("res_id", "=", document.id),
                        "|",
                        ("res_field", "=", False),
                        ("res_field", "!=", False),
                    ]
                )
            )
            lines = [document.display_name]
            for version in versions.sorted("number"):
                lines.append(
                    self.env._(
                        "Version %(number)s: %(file)s",
                        number=version.number,
                        file=version.file_name or "-",
                    )
                )
            others = attachments.filtered(lambda a: not a.res_field)
            if others:
                lines.append(
                    self.env._("Attachments: %(names)s", names=", ".join(others.mapped("name")))
                )
            attachments.unlink()
            # Superuser from here (the document and request above are
            # sudo): the steps of an approved request, checked just above.
            versions._ops_transition("destroy", {"file_name": False})
            document._ops_transition("destroy")
            document.message_post(
                body=self.env._("Destroyed on approval of %(request)s.", request=request.name),
                subtype_xmlid="mail.mt_note",
            )
            request.sudo()._ops_transition(
                "destroy",
                {
                    "destroyed_by_id": self.env.uid,
                    "date_destroyed": fields.Datetime.now(),
                    "destroyed_what": "\n".join(lines),
                },
            )
        return True
