# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

ADMINISTRATION = "ops_org.ops_org_group_administration"
CONTENT_FIELDS = {"file", "file_name", "change_note"}
# What a version is: set when it is created, never changed.
IDENTITY_FIELDS = {"number", "document_id"}


class OpsDocumentVersion(models.Model):
    """A version of a company document: its file, kept as an attachment of
    the version (encrypted at rest when the document is secret), and a note
    of what changed. A new version restarts review; once sent to review it
    cannot be edited; the published version is the current one and earlier
    ones stay readable as superseded."""

    _name = "ops.document.version"
    _ops_classified_by = "document_id"  # confidentiality follows it (ops_org base)
    _description = "Document Version"
    _inherit = ["ops.workflow.mixin"]
    _order = "document_id, number desc"
    _rec_name = "document_id"

    # A version's state follows its document's steps (ops.document): sent to
    # review with it, approved or returned by its review, published,
    # superseded by the next published version, destroyed with it.
    _ops_transitions = {
        "submit": Transition(("draft",), "review", (ADMINISTRATION,)),
        "approve": Transition(("review",), "approved"),
        "return": Transition(("review",), "draft"),
        "publish": Transition(("approved",), "published", (ADMINISTRATION,)),
        "supersede": Transition(("published",), "superseded", (ADMINISTRATION,)),
        "destroy": Transition(
            ("draft", "review", "approved", "published", "superseded"), "destroyed"
        ),
    }
    _ops_workflow_fields = ("date_published", "published_by_id")

    document_id = fields.Many2one(
        "ops.document", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True, index=True)
    number = fields.Integer(string="Version", readonly=True, copy=False)
    file = fields.Binary(attachment=True, copy=False)
    file_name = fields.Char()
    change_note = fields.Text(string="Changes")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "In Review"),
            ("approved", "Approved"),
            ("published", "Published"),
            ("superseded", "Superseded"),
            ("destroyed", "Destroyed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    date_published = fields.Datetime(readonly=True, copy=False)
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # The classification of the document: the attachment of a secret
    # document's version is encrypted, and downloads follow the document.
    ops_level = fields.Selection(related="document_id.ops_level")
    ops_level_rank = fields.Integer(related="document_id.ops_level_rank")

    _sql_constraints = [
        (
            "number_uniq",
            "unique(document_id, number)",
            "A document has one version of each number.",
        ),
    ]

    @api.depends("document_id.display_name", "number")
    def _compute_display_name(self):
        for version in self:
            version.display_name = self.env._(
                "%(document)s, version %(number)s",
                document=version.document_id.display_name,
                number=version.number,
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            document = self.env["ops.document"].browse(vals.get("document_id"))
            if document.state in ("review", "approval"):
                raise UserError(
                    self.env._(
                        "%(document)s is being reviewed: wait for the decision before adding "
                        "a version.",
                        document=document.display_name,
                    )
                )
            if document.state in ("archived", "destroyed"):
                raise UserError(
                    self.env._(
                        "%(document)s is %(state)s: it takes no new version.",
                        document=document.display_name,
                        state=dict(document._fields["state"]._description_selection(self.env))[
                            document.state
                        ],
                    )
                )
            if document.open_version_id:
                raise UserError(
                    self.env._(
                        "%(document)s already has a version in progress (version %(number)s).",
                        document=document.display_name,
                        number=document.open_version_id.number,
                    )
                )
            # The number is the server's, whatever the caller sends.
            vals["number"] = max(document.version_ids.mapped("number") or [0]) + 1
        versions = super().create(vals_list)
        # A new version of an approved or published document restarts review.
        versions.document_id.filtered(
            lambda d: d.state in ("approved", "published")
        )._ops_transition("redraft")
        return versions

    def write(self, vals):
        # Only the document's steps open the workflow (server code, never a
        # context key a caller could send).
        if not self._ops_workflow_open():
            if "state" in vals:
                raise UserError(self.env._("The state of a version follows its document's review."))
            for name in IDENTITY_FIELDS & set(vals):
                if self._ops_changes(name, vals[name]):
                    raise UserError(
                        self.env._(
                            "A version keeps its document and its number: create a new "
                            "version instead."
                        )
                    )
            if CONTENT_FIELDS & set(vals):
                for version in self.filtered(lambda v: v.state != "draft"):
                    raise UserError(
                        self.env._(
                            "Version %(number)s of %(document)s is %(state)s and cannot be "
                            "edited: create a new version instead.",
                            number=version.number,
                            document=version.document_id.display_name,
                            state=dict(self._fields["state"]._description_selection(self.env))[
                                version.state
                            ],
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for version in self:
            if version.state != "draft":
                raise UserError(
                    self.env._(
                        "Version %(number)s of %(document)s was sent to review: it is kept.",
                        number=version.number,
                        document=version.document_id.display_name,
                    )
                )

    def _ops_attachments(self):
        """The attachments of the versions (their files included)."""
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    "|",
                    ("res_field", "=", False),
                    ("res_field", "!=", False),
                ]
            )
        )
