# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition


class OpsProjectGate(models.Model):
    """The review that ends a phase. Submitting it checks the mandatory
    deliverables and requests the tier validation of ops_org; once every
    tier approves, the gate passes and the project enters the next phase.
    A gate no step of the authority matrix applies to is refused at
    submission (fail closed): it never passes without a review."""

    _name = "ops.project.gate"
    _ops_classified_by = "project_id"  # confidentiality follows it (ops_org base)
    _description = "Project Gate"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "project_id, phase_sequence, id"
    _rec_names_search = ["project_id", "phase_id"]

    _state_field = "state"
    _state_from = ["open"]
    _state_to = ["passed"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = True
    _ops_requester_field = "submitted_by_id"
    _ops_department_field = "owner_department_id"
    _ops_state_validated = "passed"

    # The project lead or Leadership submits (checked per gate in
    # action_submit: the lead of *this* project, who need not be in the
    # Project Lead group); the gate passes only through the review
    # (``_ops_state_validated``), the project's phase with it.
    _ops_transitions = {
        "submit": Transition(("open",), None),
    }
    _ops_workflow_fields = (
        "project_id",
        "phase_id",
        "submitted_by_id",
        "date_open",
        "date_submitted",
        "date_decided",
        # Who owns the phase decides who reviews it ("department head" steps):
        # it follows the phase and the project, never the lead's choice.
        "owner_department_id",
        "maintainer_department_id",
    )
    _ops_subject_fields = ("submitted_by_id",)
    _ops_decision_methods = ("validate_tier", "reject_tier")
    _ops_harmless_methods = ("action_submit", "action_open_project")

    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    project_user_id = fields.Many2one(
        related="project_id.user_id", string="Project Lead", store=True, index=True
    )
    phase_id = fields.Many2one(
        "ops.project.phase", required=True, readonly=True, ondelete="restrict", index=True
    )
    phase = fields.Selection(related="phase_id.code", store=True)
    phase_sequence = fields.Integer(related="phase_id.sequence", store=True)
    state = fields.Selection(
        [("open", "Open"), ("passed", "Passed"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    gate_status = fields.Selection(
        [
            ("open", "Open"),
            ("review", "In Review"),
            ("rejected", "Rejected"),
            ("passed", "Passed"),
            ("cancel", "Cancelled"),
        ],
        compute="_compute_gate_status",
        store=True,
        string="Status",
    )
    owner_department_id = fields.Many2one(
        "hr.department",
        string="Owning Department",
        compute="_compute_owner_department",
        store=True,
        readonly=False,
        index=True,
    )
    maintainer_department_id = fields.Many2one(
        "hr.department",
        string="Maintaining Department",
        compute="_compute_owner_department",
        store=True,
        readonly=False,
    )
    owner_department_head_id = fields.Many2one(
        "res.users",
        string="Owning Department Head",
        compute="_compute_owner_department_head",
        store=True,
    )
    team_user_ids = fields.Many2many(
        "res.users", string="Project Group", compute="_compute_team_user_ids"
    )
    deliverable_ids = fields.One2many("ops.project.deliverable", "gate_id", string="Deliverables")
    deliverable_progress = fields.Float(compute="_compute_deliverable_progress", store=True)
    decision_ids = fields.One2many(
        "ops.project.gate.decision", "gate_id", string="Decisions", readonly=True
    )
    submitted_by_id = fields.Many2one("res.users", string="Submitted by", readonly=True)
    date_open = fields.Datetime(
        string="Opened", default=fields.Datetime.now, readonly=True, required=True
    )
    date_submitted = fields.Datetime(string="Submitted", readonly=True)
    date_decided = fields.Datetime(string="Passed on", readonly=True)
    deadline = fields.Date(compute="_compute_deadline", store=True, readonly=False, tracking=True)
    lead_time_days = fields.Float(
        string="Lead Time (days)",
        compute="_compute_lead_time",
        store=True,
        aggregator="avg",
        help="From the opening of the phase to the passing of its gate.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    _sql_constraints = [
        ("project_phase_uniq", "unique(project_id, phase_id)", "A project has one gate per phase.")
    ]

    @api.depends("project_id", "phase_id")
    def _compute_display_name(self):
        for gate in self:
            gate.display_name = f"{gate.project_id.name} / {gate.phase_id.name}"

    @api.depends("state", "validation_status")
    def _compute_gate_status(self):
        for gate in self:
            if gate.state in ("passed", "cancel"):
                gate.gate_status = gate.state
            elif gate.validation_status == "rejected":
                gate.gate_status = "rejected"
            elif gate.validation_status in ("pending", "waiting", "validated"):
                gate.gate_status = "review"
            else:
                gate.gate_status = "open"

    @api.depends("phase_id", "project_id.ops_requesting_department_id", "project_id.user_id")
    def _compute_owner_department(self):
        for gate in self:
            phase = gate.phase_id
            company = gate.project_id.company_id or self.env.company
            if phase.owner == "requester":
                owner = gate.project_id.ops_requesting_department_id
            elif phase.owner == "project_lead":
                owner = gate.project_id.user_id.employee_ids[:1].department_id
            else:
                owner = self._ops_department_of_kind(phase.owner_kind, company)
            gate.owner_department_id = owner
            gate.maintainer_department_id = self._ops_department_of_kind(
                phase.maintainer_kind, company
            )

    @api.model
    def _ops_department_of_kind(self, kind, company):
        Department = self.env["hr.department"].sudo()
        if not kind:
            return Department
        return Department.search(
            [("kind", "=", kind), ("company_id", "in", [company.id, False])], limit=1
        )

    @api.depends("owner_department_id.manager_id.user_id")
    def _compute_owner_department_head(self):
        for gate in self:
            gate.owner_department_head_id = gate.owner_department_id.manager_id.user_id

    @api.depends("project_id.ops_member_ids.user_id", "project_id.user_id")
    def _compute_team_user_ids(self):
        for gate in self:
            gate.team_user_ids = gate.project_id.ops_member_ids.user_id | gate.project_id.user_id

    @api.depends(
        "deliverable_ids.state",
        "deliverable_ids.type_id.mandatory",
        "phase_id.deliverable_type_ids",
    )
    def _compute_deliverable_progress(self):
        for gate in self:
            mandatory = gate.phase_id.deliverable_type_ids.filtered("mandatory")
            if not mandatory:
                gate.deliverable_progress = 100.0
                continue
            done = gate.deliverable_ids.filtered(
                lambda d, types=mandatory: d.state == "done" and d.type_id in types
            ).type_id
            gate.deliverable_progress = 100.0 * len(done) / len(mandatory)

    @api.depends("date_open", "phase_id.duration_days")
    def _compute_deadline(self):
        for gate in self:
            if gate.date_open and gate.phase_id.duration_days:
                gate.deadline = gate.date_open.date() + timedelta(days=gate.phase_id.duration_days)
            else:
                gate.deadline = False

    @api.depends("date_open", "date_decided")
    def _compute_lead_time(self):
        for gate in self:
            if gate.date_open and gate.date_decided:
                delta = gate.date_decided - gate.date_open
                gate.lead_time_days = round(delta.total_seconds() / 86400.0, 2)
            else:
                gate.lead_time_days = 0.0

    @api.depends("deadline", "state")
    @api.depends_context("ops_today")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for gate in self:
            gate.is_overdue = bool(gate.state == "open" and gate.deadline and gate.deadline < today)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue gates."))
        domain = [("state", "=", "open"), ("deadline", "<", fields.Date.context_today(self))]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    # -- checks ------------------------------------------------------------

    def _ops_missing_items(self):
        """What keeps this gate from being submitted or passed, in words."""
        self.ensure_one()
        problems = []
        done = self.deliverable_ids.filtered(lambda d: d.state == "done").type_id
        for dtype in self.phase_id.deliverable_type_ids.filtered("mandatory"):
            if dtype not in done:
                problems.append(self.env._("missing deliverable “%(name)s”", name=dtype.name))
        if self.phase == "testing":
            open_defects = (
                self.env["project.task"]
                .sudo()
                .search(
                    [
                        ("ops_deliverable_id", "in", self.deliverable_ids.ids),
                        ("ops_is_defect", "=", True),
                        ("ops_defect_waived", "=", False),
                        ("state", "not in", ["1_done", "1_canceled"]),
                    ]
                )
            )
            if open_defects:
                problems.append(
                    self.env._(
                        "%(count)s defect(s) still open: %(names)s",
                        count=len(open_defects),
                        names=", ".join(open_defects.mapped("name")),
                    )
                )
        return problems

    # -- tier validation -----------------------------------------------------

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "deadline",
            "date_submitted",
            "submitted_by_id",
        ]

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["date_decided", "state", "deadline"]

    def _tier_validation_check_write_allowed(self, vals):
        # OCA lets a ``skip_validation_check`` context key write a gate under
        # review; anyone can send a context key over RPC, so it opens nothing.
        return super(
            OpsProjectGate, self.with_context(skip_validation_check=False)
        )._tier_validation_check_write_allowed(vals)

    def _ops_check_submitter(self):
        for gate in self:
            if not (
                self.env.su
                or self.env.user == gate.project_user_id
                or self.env.user.has_group("ops_org.ops_org_group_leadership")
            ):
                raise UserError(
                    self.env._(
                        "Only the project lead or leadership submits gate %(gate)s.",
                        gate=gate.display_name,
                    )
                )

    def action_submit(self):
        """Submit the gate for the review of its phase: the mandatory
        deliverables are complete and a step of the authority matrix applies
        (otherwise the core refuses, naming the missing authority)."""
        self._ops_check_submitter()
        # The state, read again under a row lock: of two submissions at
        # once, the second sees the first one's review.
        self._ops_transition("submit")
        for gate in self:
            if gate.validation_status in ("pending", "waiting", "validated"):
                raise UserError(
                    self.env._("Gate %(gate)s is already under review.", gate=gate.display_name)
                )
            problems = gate._ops_missing_items()
            if problems:
                raise UserError(
                    self.env._(
                        "Gate %(gate)s cannot be submitted: %(missing)s.",
                        gate=gate.display_name,
                        missing="; ".join(problems),
                    )
                )
        # Written as the submitter (their access rights apply): they become
        # someone the review is about, who decides none of its steps.
        self._ops_workflow_write(
            {"submitted_by_id": self.env.uid, "date_submitted": fields.Datetime.now()}
        )
        for gate in self.filtered(lambda g: g.validation_status == "rejected"):
            gate._ops_restart_validation()
        self._ops_request_validation()
        for gate in self:
            gate._ops_log_decision("submitted")
        return True

    def action_open_project(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": self.project_id.id,
            "views": [(False, "form")],
        }

    def _ops_after_decision(self, reviews, decision):
        res = super()._ops_after_decision(reviews, decision)
        self._ops_log_decision(decision, reviews)
        return res

    def _ops_on_validated(self):
        """The gate passed: the project enters the next phase."""
        self.ensure_one()
        # sudo: the last reviewer may not write the gate or the project; the
        # values are this step's own (the date, the next phase, which the
        # project checks against the passed gate again).
        self.sudo()._ops_workflow_write({"date_decided": fields.Datetime.now()})
        project = self.project_id.sudo()
        next_phase = self.phase_id._next()
        if next_phase and project.ops_phase_id == self.phase_id:
            project._ops_workflow_write({"ops_phase_id": next_phase.id})
        self.message_post(
            body=self.env._("Gate passed: the project enters %(phase)s.", phase=next_phase.name),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _ops_log_decision(self, decision, reviews=None):
        self.ensure_one()
        reviews = reviews or self.env["tier.review"]
        self.env["ops.project.gate.decision"].sudo().create(
            {
                "gate_id": self.id,
                "decision": decision,
                "user_id": self.env.uid,
                "tiers": ", ".join(n for n in reviews.mapped("name") if n),
                "comment": "; ".join(c for c in reviews.mapped("comment") if c),
                "deliverable_snapshot": self._ops_deliverable_snapshot(),
            }
        )

    def _ops_deliverable_snapshot(self):
        self.ensure_one()
        items = Markup("").join(
            Markup("<li>%s — %s (%s)%s</li>")
            % (
                d.type_id.name or "",
                d.name,
                dict(d._fields["state"]._description_selection(self.env)).get(d.state),
                Markup(", %s") % escape(", ".join(d.attachment_ids.mapped("name")))
                if d.attachment_ids
                else "",
            )
            for d in self.deliverable_ids.sorted(lambda d: (d.type_id.sequence, d.id))
        )
        return Markup("<ul>%s</ul>") % items if items else False


class OpsProjectGateDecision(models.Model):
    """One line per submission and per decision on a gate: who, when, what
    was said, and the deliverables as they stood."""

    _name = "ops.project.gate.decision"
    _ops_classified_by = "project_id"  # confidentiality follows it (ops_org base)
    _description = "Project Gate Decision"
    _order = "date desc, id desc"

    gate_id = fields.Many2one("ops.project.gate", required=True, ondelete="cascade", index=True)
    project_id = fields.Many2one(related="gate_id.project_id", store=True, index=True)
    phase_id = fields.Many2one(related="gate_id.phase_id", store=True)
    company_id = fields.Many2one(related="gate_id.company_id", store=True)
    decision = fields.Selection(
        [("submitted", "Submitted"), ("approved", "Approved"), ("rejected", "Rejected")],
        required=True,
    )
    user_id = fields.Many2one("res.users", string="By", required=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    tiers = fields.Char(string="Steps")
    comment = fields.Text()
    deliverable_snapshot = fields.Html(string="Deliverables at that Moment", sanitize=True)
