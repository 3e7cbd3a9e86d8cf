# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

# Whose acknowledgement of what: set when it is created, never changed.
IDENTITY_FIELDS = ("document_id", "version_id", "user_id")


class OpsDocumentAcknowledgement(models.Model):
    """A recipient's read acknowledgement (阅读确认) of a published version:
    created pending for each recipient on publication, done when they
    confirm having read it."""

    _name = "ops.document.acknowledgement"
    _ops_classified_by = "document_id"  # confidentiality follows it (ops_org base)
    _description = "Document Read Acknowledgement"
    _inherit = ["ops.workflow.mixin"]
    _order = "document_id, state desc, user_id"
    _rec_name = "document_id"

    # The recipient acknowledges through the document's "I Have Read It"
    # (ops.document.action_acknowledge), which takes this step; the record
    # rules let them write only their own acknowledgements.
    _ops_transitions = {
        "acknowledge": Transition(("pending",), "done"),
    }
    _ops_workflow_fields = ("date_acknowledged",)

    document_id = fields.Many2one("ops.document", required=True, index=True, ondelete="cascade")
    version_id = fields.Many2one(
        "ops.document.version",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('document_id', '=', document_id)]",
    )
    version_number = fields.Integer(related="version_id.number", string="Version Number")
    company_id = fields.Many2one(related="document_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Recipient", required=True, index=True, ondelete="cascade"
    )
    department_id = fields.Many2one(
        "hr.department", compute="_compute_department_id", store=True, compute_sudo=True
    )
    state = fields.Selection(
        [("pending", "Not Yet Acknowledged"), ("done", "Acknowledged")],
        default="pending",
        required=True,
    )
    date_acknowledged = fields.Datetime(string="Acknowledged On")

    _sql_constraints = [
        (
            "version_user_uniq",
            "unique(version_id, user_id)",
            "A recipient acknowledges a version once.",
        ),
    ]

    @api.constrains("document_id", "version_id")
    def _check_version_of_document(self):
        for ack in self:
            if ack.version_id.document_id != ack.document_id:
                raise ValidationError(
                    self.env._(
                        "An acknowledgement is of a version of its own document (%(document)s).",
                        document=ack.document_id.display_name,
                    )
                )

    def write(self, vals):
        if not self._ops_workflow_open():
            for name in set(IDENTITY_FIELDS) & set(vals):
                if self._ops_changes(name, vals[name]):
                    raise UserError(
                        self.env._(
                            "An acknowledgement stays the one of its recipient, document and "
                            "version."
                        )
                    )
        return super().write(vals)

    @api.depends("user_id")
    def _compute_department_id(self):
        for ack in self:
            ack.department_id = ack.user_id.employee_ids[:1].department_id

    @api.depends("document_id.display_name", "user_id.name")
    def _compute_display_name(self):
        for ack in self:
            ack.display_name = f"{ack.document_id.display_name} — {ack.user_id.name}"
