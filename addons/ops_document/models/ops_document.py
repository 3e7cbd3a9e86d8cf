# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

ADMINISTRATION = "ops_org.ops_org_group_administration"

STATES = [
    ("draft", "Draft"),
    ("review", "Review"),
    ("approval", "Approval"),
    ("approved", "Approved"),
    ("published", "Published"),
    ("archived", "Archived"),
    ("destroyed", "Destroyed"),
]


class OpsDocument(models.Model):
    """A company document (公司文件, policy §三(二)3), internal or external,
    managed by administration: drafted, reviewed by the head of the owning
    department, approved by administration (or leadership for regulations),
    published to its distribution list, who acknowledge reading it, then
    archived; destroyed only through an approved destruction request.
    Confidential documents follow ``ops_confidentiality``. Neither its
    author (the officer who drafts it, never someone else) nor whoever sent
    it to review decides a step of its review."""

    _name = "ops.document"
    _description = "Company Document"
    _inherit = [
        "ops.confidentiality.mixin",
        "tier.validation",
        "ops.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    _state_field = "state"
    _state_from = ["review", "approval"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _ops_requester_field = "author_id"
    _ops_department_field = "department_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "draft"

    # Administration drafts, submits, publishes and archives; the head's
    # review moves it to approval and the last approval to approved (the
    # outcome of the review, ``_ops_state_validated``); a new version takes
    # an approved or published document back to draft; only an approved
    # destruction request destroys it.
    _ops_transitions = {
        "submit": Transition(("draft",), "review", (ADMINISTRATION,)),
        "reviewed": Transition(("review",), "approval"),
        "publish": Transition(("approved",), "published", (ADMINISTRATION,)),
        "archive": Transition(("published",), "archived", (ADMINISTRATION,)),
        "redraft": Transition(("approved", "published"), "draft", (ADMINISTRATION,)),
        "destroy": Transition(("approved", "published", "archived"), "destroyed"),
    }
    _ops_workflow_fields = ("submitted_by_id", "date_published", "date_archived")
    _ops_subject_fields = ("author_id", "submitted_by_id")
    _ops_decision_methods = ("validate_tier", "reject_tier")
    _ops_harmless_methods = (
        "action_submit",
        "action_publish",
        "action_new_version",
        "action_archive_document",
        "action_request_destruction",
        "action_acknowledge",
    )

    name = fields.Char(string="Title", required=True, tracking=True)
    code = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    scope = fields.Selection(
        [("internal", "Internal Document"), ("external", "External Document")],
        string="Internal / External",
        required=True,
        default="internal",
        tracking=True,
        help="Internal documents are written by the company; external ones come from "
        "outside (authorities, clients, partners) or are sent out.",
    )
    kind = fields.Selection(
        [
            ("regulation", "Regulation"),
            ("notice", "Notice"),
            ("plan", "Plan or Report"),
            ("contract", "Contract"),
            ("letter", "Letter"),
            ("reference", "Standard or Reference"),
            ("other", "Other"),
        ],
        required=True,
        default="notice",
        tracking=True,
        help="Regulations are approved by leadership, other documents by administration.",
    )
    issuer_id = fields.Many2one(
        "res.partner",
        string="Issuer / Recipient",
        help="For an external document: who issued it, or to whom it is sent.",
    )
    reference = fields.Char(string="External Reference", help="文号 of an external document.")
    department_id = fields.Many2one(
        "hr.department",
        string="Owning Department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._default_department_id(),
        help="Its head reviews the document.",
    )
    author_id = fields.Many2one(
        "res.users",
        string="Drafted By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    submitted_by_id = fields.Many2one(
        "res.users",
        string="Sent to Review By",
        readonly=True,
        copy=False,
        tracking=True,
        help="Like the author, they decide no step of the document's review.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    description = fields.Html()
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True
    )
    version_ids = fields.One2many("ops.document.version", "document_id", string="Versions")
    current_version_id = fields.Many2one(
        "ops.document.version",
        compute="_compute_current_version_id",
        store=True,
        help="The published version.",
    )
    open_version_id = fields.Many2one(
        "ops.document.version",
        string="Version in Progress",
        compute="_compute_open_version_id",
    )
    date_published = fields.Date(readonly=True, copy=False, tracking=True)
    date_archived = fields.Date(readonly=True, copy=False)
    # Explicit tables: the mixin's default names would clash with the
    # distribution list, which also links users and departments.
    ops_need_to_know_user_ids = fields.Many2many(
        relation="ops_document_need_to_know_user_rel", column1="document_id", column2="user_id"
    )
    ops_need_to_know_department_ids = fields.Many2many(
        relation="ops_document_need_to_know_department_rel",
        column1="document_id",
        column2="department_id",
    )
    distribution_user_ids = fields.Many2many(
        "res.users",
        relation="ops_document_distribution_user_rel",
        column1="document_id",
        column2="user_id",
        string="Distributed to Users",
        domain="[('share', '=', False)]",
    )
    distribution_department_ids = fields.Many2many(
        "hr.department",
        relation="ops_document_distribution_department_rel",
        column1="document_id",
        column2="department_id",
        string="Distributed to Departments",
        help="Leave both lists empty to make the published document available to the "
        "whole company.",
    )
    acknowledgement_ids = fields.One2many(
        "ops.document.acknowledgement", "document_id", string="Read Acknowledgements"
    )
    ack_done_count = fields.Integer(
        string="Acknowledged", compute="_compute_ack_counts", compute_sudo=False
    )
    ack_pending_count = fields.Integer(
        string="Not Yet Acknowledged", compute="_compute_ack_counts", compute_sudo=False
    )
    my_ack_pending = fields.Boolean(
        string="To Acknowledge", compute="_compute_ack_counts", compute_sudo=False
    )
    # Only those who may read destruction requests (the form hides the tab
    # from everyone else instead of failing on it).
    destruction_ids = fields.One2many(
        "ops.document.destruction",
        "document_id",
        string="Destruction Requests",
        groups="ops_org.ops_org_group_administration,ops_org.ops_org_group_confidentiality,"
        "ops_org.ops_org_group_leadership",
    )

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "The document number must be unique."),
    ]

    def _default_department_id(self):
        return self.env.user.employee_id.department_id

    @api.depends("version_ids.state")
    def _compute_current_version_id(self):
        for document in self:
            versions = document.version_ids.sorted("number", reverse=True)
            document.current_version_id = versions.filtered(lambda v: v.state == "published")[:1]

    @api.depends("version_ids.state")
    def _compute_open_version_id(self):
        for document in self:
            versions = document.version_ids.sorted("number", reverse=True)
            document.open_version_id = versions.filtered(
                lambda v: v.state in ("draft", "review", "approved")
            )[:1]

    @api.depends("acknowledgement_ids.state", "acknowledgement_ids.user_id")
    def _compute_ack_counts(self):
        for document in self:
            acks = document.acknowledgement_ids.filtered(
                lambda a, d=document: a.version_id == d.current_version_id
            )
            done = acks.filtered(lambda a: a.state == "done")
            document.ack_done_count = len(done)
            document.ack_pending_count = len(acks - done)
            document.my_ack_pending = bool(
                (acks - done).filtered(lambda a: a.user_id == self.env.user)
            )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for document in self:
            if document.code and document.code != "/":
                document.display_name = f"[{document.code}] {document.name or ''}"
            else:
                document.display_name = document.name or ""

    # -- CRUD ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code", "/") == "/":
                vals["code"] = self.env["ir.sequence"].next_by_code("ops.document") or "/"
            if vals.get("state", "draft") != "draft":
                raise UserError(self.env._("A new document starts as a draft."))
        return super().create(vals_list)

    def write(self, vals):
        # Only the steps open the workflow (server code, never a context key
        # a caller could send): the mixin refuses the state anyway; these say
        # what to do instead.
        if not self._ops_workflow_open():
            if vals.get("state") == "destroyed":
                raise UserError(
                    self.env._(
                        "A document is destroyed only through an approved destruction request."
                    )
                )
            if self.filtered(lambda d: d.state == "destroyed"):
                raise UserError(self.env._("A destroyed document cannot change."))
        res = super().write(vals)
        if "ops_level" in vals:
            # Files of the versions are encrypted with the document.
            self.version_ids._ops_attachments()._ops_sync_encryption()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Company documents are never deleted: archive them, or destroy them "
                "through an approved destruction request."
            )
        )

    # -- tier validation -------------------------------------------------------

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "version_ids",
            "acknowledgement_ids",
            "destruction_ids",
        ]

    def _get_tier_validation_readonly_domain(self):
        return "state in ('review', 'approval', 'destroyed')"

    def _tier_validation_check_write_allowed(self, vals):
        # OCA lets a ``skip_validation_check`` context key write a document
        # under review; anyone can send a context key over RPC.
        return super(
            OpsDocument, self.with_context(skip_validation_check=False)
        )._tier_validation_check_write_allowed(vals)

    def _add_tier_validation_buttons(self, node, params):
        # Submission is this model's own step (Send to Review): OCA's
        # Request / Restart Validation buttons call methods the suite refuses
        # from outside its steps.
        return etree.fromstring('<div><field name="validation_status" invisible="1"/></div>')

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        # The department head approved: the document moves on to approval.
        # sudo: the head may not write the document; the step writes its state.
        self.filtered(
            lambda d: d.state == "review" and d.validation_status in ("pending", "waiting")
        )._ops_transition("reviewed", sudo=True)
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers=tiers)
        # sudo: the reviewer who rejected may not write the versions; the
        # version under review returns to draft with its document.
        self.sudo().mapped("version_ids").filtered(lambda v: v.state == "review")._ops_transition(
            "return"
        )
        return res

    def _ops_on_validated(self):
        self.ensure_one()
        # sudo: as above, the last approver may not write the versions.
        self.sudo().version_ids.filtered(lambda v: v.state == "review")._ops_transition("approve")
        return True

    # -- actions ---------------------------------------------------------------

    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group("ops_org.ops_org_group_administration"):
            raise UserError(self.env._("Company documents are managed by administration."))

    def action_submit(self):
        self._check_manager()
        for document in self:
            version = document.open_version_id
            if document.state == "draft" and (not version or not version.file):
                raise UserError(
                    self.env._(
                        "Attach the file of the new version of %(document)s before sending "
                        "it to review.",
                        document=document.display_name,
                    )
                )
        # Whoever sends it to review is, like its author, someone the review
        # is about: they decide none of its steps.
        self._ops_transition("submit", {"submitted_by_id": self.env.uid})
        self.mapped("open_version_id")._ops_transition("submit")
        # A document back from a rejection or with a new version keeps its
        # earlier reviews until it is submitted again: they start over.
        self.filtered("review_ids")._ops_restart_validation()
        self._ops_request_validation()
        return True

    def action_publish(self):
        self._check_manager()
        for document in self:
            if document.state != "approved" or document.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(document)s cannot be published: it has not been approved "
                        "(it is %(state)s).",
                        document=document.display_name,
                        state=document._ops_selection_label("state"),
                    )
                )
        self._ops_transition("publish", {"date_published": fields.Date.today()})
        for document in self:
            version = document.open_version_id
            (document.version_ids - version).filtered(
                lambda v: v.state == "published"
            )._ops_transition("supersede")
            version._ops_transition(
                "publish",
                {"date_published": fields.Datetime.now(), "published_by_id": self.env.uid},
            )
            document._ops_request_acknowledgements()
        return True

    def action_new_version(self):
        self._check_manager()
        self.ensure_one()
        version = self.env["ops.document.version"].create({"document_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.document.version",
            "res_id": version.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_archive_document(self):
        self._check_manager()
        for document in self:
            if document.state != "published":
                raise UserError(
                    self.env._(
                        "Only a published document is archived (%(document)s).",
                        document=document.display_name,
                    )
                )
        self._ops_transition("archive", {"date_archived": fields.Date.today()})
        return True

    def action_request_destruction(self):
        self._check_manager()
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.document.destruction",
            "view_mode": "form",
            "context": {"default_document_id": self.id},
        }

    def action_acknowledge(self):
        """The current user confirms having read the current version."""
        Ack = self.env["ops.document.acknowledgement"]
        activity_type = self.env.ref("ops_document.mail_activity_type_document_acknowledge")
        for document in self:
            version = document.current_version_id
            if not version:
                raise UserError(
                    self.env._(
                        "%(document)s has no published version to acknowledge.",
                        document=document.display_name,
                    )
                )
            ack = Ack.search(
                [("version_id", "=", version.id), ("user_id", "=", self.env.uid)], limit=1
            )
            if not ack:
                ack = Ack.create(
                    {"document_id": document.id, "version_id": version.id, "user_id": self.env.uid}
                )
            if ack.state == "pending":
                ack._ops_transition("acknowledge", {"date_acknowledged": fields.Datetime.now()})
            document.activity_ids.filtered(
                lambda a, t=activity_type: a.user_id == self.env.user and a.activity_type_id == t
            ).sudo().action_feedback(feedback=self.env._("Read and acknowledged."))
        return True

    # -- business ----------------------------------------------------------------

    def _ops_recipients(self):
        """Users the document is distributed to (named, or in a listed
        department) who can read it."""
        self.ensure_one()
        document = self.sudo()
        users = (
            document.distribution_user_ids
            | document.distribution_department_ids.with_context(active_test=True).member_ids.user_id
        )
        users = users.filtered(lambda u: u.active and not u.share)
        return users.filtered(lambda u: self.with_user(u).has_access("read"))

    def _ops_request_acknowledgements(self):
        """On publication, each recipient gets an acknowledgement to give and
        an activity asking for it."""
        self.ensure_one()
        version = self.current_version_id
        Ack = self.env["ops.document.acknowledgement"].sudo()
        for user in self._ops_recipients():
            Ack.create(
                {
                    "document_id": self.id,
                    "version_id": version.id,
                    "user_id": user.id,
                }
            )
            self.sudo().activity_schedule(
                "ops_document.mail_activity_type_document_acknowledge",
                user_id=user.id,
                note=self.env._(
                    "Read version %(number)s of %(document)s and acknowledge it.",
                    number=version.number,
                    document=self.display_name,
                ),
            )

    # -- demo ------------------------------------------------------------------

    @api.model
    def _ops_demo_populate(self, author, approver, leader):
        """Demo data: documents at various states of their life, one
        confidential. Runs once."""
        if self.search_count([("name", "=", "考勤管理制度 Attendance Regulation")]):
            return
        author, approver, leader = self.env["res.users"].browse([author, approver, leader])
        ref = self.env.ref

        def make(vals, content, state):
            # A confidential document is classified by the officer (superuser here).
            creator = self.env.user if vals.get("ops_level") else author
            document = self.with_user(creator).create(dict(vals, author_id=author.id))
            self.env["ops.document.version"].with_user(creator).create(
                {
                    "document_id": document.id,
                    "file": base64.b64encode(content.encode()),
                    "file_name": f"{document.code.replace('/', '-')}.txt",
                    "change_note": self.env._("First issue."),
                }
            )
            if state == "draft":
                return document
            document.with_user(author).action_submit()
            if state == "review":
                return document
            for _i in range(3):
                if document.validation_status == "validated":
                    break
                reviewers = document.review_ids.filtered(
                    lambda r: r.status == "pending"
                ).reviewer_ids
                user = (reviewers & (approver | leader)) - author or reviewers - author
                document.with_user(user[:1])._ops_approve()
            document.with_user(author).action_publish()
            if state == "archived":
                document.with_user(author).action_archive_document()
            return document

        make(
            {
                "name": "考勤管理制度 Attendance Regulation",
                "kind": "regulation",
                "department_id": ref("ops_org.hr_department_hr").id,
                # Every department reads and acknowledges it.
                "distribution_department_ids": [
                    (6, 0, self.env["hr.department"].search([("kind", "!=", False)]).ids)
                ],
                "distribution_user_ids": [
                    (6, 0, [ref("ops_org.user_ceo_demo").id, ref("ops_org.user_coo_demo").id])
                ],
            },
            "Working hours 9:00-18:00; lateness and absence as in the policy.",
            "published",
        )
        make(
            {
                "name": "关于网络视听节目管理的通知 Notice on Online Audiovisual Programmes",
                "scope": "external",
                "kind": "reference",
                "reference": "广电发〔2026〕1号",
                "department_id": ref("ops_org.hr_department_administration").id,
                "distribution_department_ids": [
                    (6, 0, [ref("ops_org.hr_department_operations").id])
                ],
            },
            "External notice received from the regulator.",
            "published",
        )
        make(
            {
                "name": "办公用品领用通知 Office Supplies Notice",
                "kind": "notice",
                "department_id": ref("ops_org.hr_department_administration").id,
            },
            "Office supplies are requested through administration every Monday.",
            "review",
        )
        make(
            {
                "name": "2025年节假日安排 Holiday Schedule 2025",
                "kind": "notice",
                "department_id": ref("ops_org.hr_department_administration").id,
            },
            "Public holidays of 2025.",
            "archived",
        )
        make(
            {
                "name": "客户框架合同 Client Framework Contract",
                "scope": "external",
                "kind": "contract",
                "issuer_id": self.env.company.partner_id.id,
                "department_id": ref("ops_org.hr_department_sales").id,
                "ops_level": "confidential",
                "ops_category": "customer_information",
                "ops_need_to_know_department_ids": [
                    (6, 0, [ref("ops_org.hr_department_sales").id])
                ],
            },
            "Framework contract terms.",
            "draft",
        )
