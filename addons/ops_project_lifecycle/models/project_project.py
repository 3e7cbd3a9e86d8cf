# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .ops_project_deliverable_type import REQUIRED_FIELDS
from .ops_project_phase import PHASE_CODES


class ProjectProject(models.Model):
    """The project's phase is its workflow (policy §三(一)): a new project
    starts in Initiation and enters the next phase only when the gate of
    its phase passes (``ops.project.gate._ops_on_validated``); the phase is
    written by nobody else, whatever the path (form, kanban, import, RPC)."""

    _name = "project.project"
    _inherit = ["project.project", "ops.workflow.mixin"]

    # Odoo's own stages are not a workflow of ours: the phase is.
    _ops_state_field = False
    _ops_workflow_fields = ("ops_phase_id",)
    _ops_harmless_methods = (
        "action_ops_open_gate",
        "action_ops_open_gates",
        "action_ops_open_change_requests",
    )

    ops_phase_id = fields.Many2one(
        "ops.project.phase",
        string="Phase",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        default=lambda self: self._default_ops_phase_id(),
        group_expand="_read_group_ops_phase_id",
    )
    ops_phase = fields.Selection(related="ops_phase_id.code", store=True, string="Phase Code")
    ops_requesting_department_id = fields.Many2one(
        "hr.department",
        string="Requesting Department",
        tracking=True,
        check_company=True,
        help="The department that asked for the project (policy: marketing or another "
        "department); it owns the initiation phase.",
    )
    ops_member_ids = fields.One2many("ops.project.member", "project_id", string="Project Team")
    ops_gate_ids = fields.One2many("ops.project.gate", "project_id", string="Gates")
    ops_current_gate_id = fields.Many2one(
        "ops.project.gate", string="Current Gate", compute="_compute_ops_current_gate", store=True
    )
    ops_gate_status = fields.Selection(
        related="ops_current_gate_id.gate_status", string="Gate Status"
    )
    ops_gate_deadline = fields.Date(related="ops_current_gate_id.deadline", string="Gate Deadline")
    ops_gate_overdue = fields.Boolean(
        related="ops_current_gate_id.is_overdue", string="Gate Overdue"
    )
    ops_gate_progress = fields.Float(
        related="ops_current_gate_id.deliverable_progress", string="Gate Progress"
    )
    ops_phase_progress = fields.Float(
        string="Lifecycle Progress", compute="_compute_ops_phase_progress"
    )
    ops_deliverable_ids = fields.One2many(
        "ops.project.deliverable", "project_id", string="Deliverables"
    )
    ops_change_request_ids = fields.One2many(
        "ops.project.change.request", "project_id", string="Change Requests"
    )
    # The form's smart buttons: counted together, in one query.
    ops_gate_count = fields.Integer(string="Gates Count", compute="_compute_ops_counts")
    ops_change_request_count = fields.Integer(
        string="Change Requests Count", compute="_compute_ops_counts"
    )

    @api.model
    def _default_ops_phase_id(self):
        return self.env["ops.project.phase"].search([], limit=1)

    @api.model
    def _read_group_ops_phase_id(self, phases, domain):
        return phases.search([])

    @api.depends("ops_phase_id", "ops_gate_ids.phase_id")
    def _compute_ops_current_gate(self):
        for project in self:
            project.ops_current_gate_id = project.ops_gate_ids.filtered(
                lambda gate, p=project: gate.phase_id == p.ops_phase_id
            )[:1]

    @api.depends("ops_phase_id")
    def _compute_ops_phase_progress(self):
        phases = self.env["ops.project.phase"].search([])
        total = max(len(phases) - 1, 1)
        index = {phase.id: i for i, phase in enumerate(phases)}
        for project in self:
            project.ops_phase_progress = 100.0 * index.get(project.ops_phase_id.id, 0) / total

    @api.model_create_multi
    def create(self, vals_list):
        first = self._default_ops_phase_id()
        for vals in vals_list:
            phase_id = vals.get("ops_phase_id")
            if phase_id and phase_id != first.id:
                raise UserError(
                    self.env._(
                        "A project starts in the phase %(phase)s; it reaches later phases "
                        "only by passing their gates.",
                        phase=first.name,
                    )
                )
        projects = super().create(vals_list)
        projects.sudo()._ops_open_current_gate()
        return projects

    def write(self, vals):
        if "ops_phase_id" in vals:
            target = self.env["ops.project.phase"].browse(vals["ops_phase_id"])
            for project in self:
                project._ops_check_phase_move(target)
        res = super().write(vals)
        if "ops_phase_id" in vals:
            self.sudo()._ops_open_current_gate()
        return res

    def _ops_check_phase_move(self, target):
        """Refuse any move of the phase that does not pass an approved gate
        with its mandatory deliverables, even inside the gate's step or as
        superuser (the mixin already refuses the phase to everyone outside
        the step): the check reads the data, never the context."""
        self.ensure_one()
        current = self.ops_phase_id
        if target == current:
            return
        if not target or not current or target.sequence < current.sequence:
            raise UserError(
                self.env._(
                    "Project %(project)s cannot go back from %(current)s to %(target)s.",
                    project=self.display_name,
                    current=current.name,
                    target=target.name or "-",
                )
            )
        if target != current._next():
            raise UserError(
                self.env._(
                    "Project %(project)s cannot skip from %(current)s to %(target)s: "
                    "each phase ends with its gate.",
                    project=self.display_name,
                    current=current.name,
                    target=target.name,
                )
            )
        gate = self.sudo().ops_gate_ids.filtered(lambda g: g.phase_id == current)[:1]
        problems = gate._ops_missing_items() if gate else []
        if not gate or gate.state != "passed":
            problems = [self.env._("the gate review is not approved")] + problems
        if problems:
            raise UserError(
                self.env._(
                    "Project %(project)s cannot leave %(phase)s: %(missing)s.",
                    project=self.display_name,
                    phase=current.name,
                    missing="; ".join(problems),
                )
            )

    def _ops_open_current_gate(self):
        Gate = self.env["ops.project.gate"]
        for project in self:
            phase = project.ops_phase_id
            if phase.code == "closed" or not phase:
                continue
            if not project.ops_gate_ids.filtered(lambda g, ph=phase: g.phase_id == ph):
                Gate.create({"project_id": project.id, "phase_id": phase.id})

    def _ops_demo_walk_to(self, phase_code):
        """Demo data: take each project through its gates up to the phase
        ``phase_code``, filling every mandatory deliverable and having each
        review approved by a reviewer who is not the submitter."""
        for project in self:
            for _step in range(len(PHASE_CODES)):
                if project.ops_phase in (phase_code, "closed"):
                    break
                gate = project.ops_current_gate_id
                for dtype in gate.phase_id.deliverable_type_ids.filtered("mandatory"):
                    vals = {"gate_id": gate.id, "type_id": dtype.id, "name": dtype.name}
                    for fname in REQUIRED_FIELDS.get(dtype.kind, []):
                        field = self.env["ops.project.deliverable"]._fields[fname]
                        vals[fname] = (
                            fields.Datetime.now()
                            if field.type == "datetime"
                            else f"<p>{field.string}: {project.name}</p>"
                        )
                    self.env["ops.project.deliverable"].create(vals).action_done()
                gate.with_user(project.user_id).sudo().action_submit()
                for _review in range(5):
                    if gate.state == "passed":
                        break
                    review = gate.review_ids.filtered(lambda r: r.status == "pending")[:1]
                    reviewer = (review.reviewer_ids - project.user_id)[:1]
                    if not reviewer:
                        break
                    gate.with_user(reviewer).sudo()._ops_approve()

    @api.model
    def _cron_operations_analysis(self):
        """Daily (policy §三(一)7, 定期): each project in operation and
        maintenance gets, once per period of its company (months, counted
        from January), an operations-analysis deliverable of the period just
        ended on its open operation gate, due the set number of days into
        the new period, with a to-do for the owning department's head (the
        project lead when the head may not know the project). A project that
        entered operation after the period, or whose gate is under review,
        gets none."""
        today = fields.Date.context_today(self)
        dtype = self.env.ref(
            "ops_project_lifecycle.ops_project_deliverable_type_operations_analysis",
            raise_if_not_found=False,
        )
        if not dtype or not dtype.active:
            return True
        Deliverable = self.env["ops.project.deliverable"]
        gates = self.env["ops.project.gate"].search(
            [
                ("phase", "=", "operation"),
                ("state", "=", "open"),
                ("project_id.active", "=", True),
                ("project_id.ops_phase", "=", "operation"),
            ]
        )
        for gate in gates:
            company = gate.company_id or self.env.company
            months = company.ops_operations_analysis_months
            if months <= 0 or gate.validation_status in ("pending", "waiting", "validated"):
                continue
            current = today + relativedelta(day=1, month=((today.month - 1) // months) * months + 1)
            start, end = current - relativedelta(months=months), current - relativedelta(days=1)
            opened = fields.Datetime.context_timestamp(self, gate.date_open).date()
            if opened > end:
                continue
            if Deliverable.search_count(
                [("gate_id", "=", gate.id), ("type_id", "=", dtype.id), ("period_end", "=", end)]
            ):
                continue
            project = gate.project_id
            head = gate.owner_department_head_id
            user = (head and gate._ops_cleared_users(head)) or project.user_id
            user = user.filtered(lambda u: not u.share)[:1]
            deadline = current + relativedelta(days=company.ops_operations_analysis_days)
            deliverable = Deliverable._ops_workflow_create(
                {
                    "gate_id": gate.id,
                    "type_id": dtype.id,
                    "name": self.env._(
                        "%(type)s %(start)s – %(end)s",
                        type=dtype.name,
                        start=max(start, opened),
                        end=end,
                    ),
                    "period_start": max(start, opened),
                    "period_end": end,
                    "date_deadline": deadline,
                    "author_id": user.id,
                }
            )
            if user:
                deliverable.activity_schedule(
                    act_type_xmlid="mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=self.env._(
                        "Analyse the operations of %(project)s", project=project.name
                    ),
                    note=Markup("<p>%s</p>")
                    % self.env._(
                        "Analyse the operating data of %(start)s to %(end)s, assess the effect "
                        "and propose improvements by %(date)s.",
                        start=max(start, opened),
                        end=end,
                        date=deadline,
                    ),
                    user_id=user.id,
                )
        return True

    @api.model
    def _ops_count_fields(self):
        return {
            **super()._ops_count_fields(),
            "ops_gate_count": "ops_gate_ids",
            "ops_change_request_count": "ops_change_request_ids",
        }

    def action_ops_open_gate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.project.gate",
            "res_id": self.ops_current_gate_id.id,
            "views": [(False, "form")],
        }

    def _ops_project_action(self, xml_id, **context):
        """An action of the suite on this project's records only."""
        return self._ops_related_action(
            xml_id, [("project_id", "=", self.id)], {"default_project_id": self.id, **context}
        )

    def action_ops_open_gates(self):
        """The project's gates (the system opens them, nobody creates one)."""
        return self._ops_project_action(
            "ops_project_lifecycle.ops_project_gate_action", create=False
        )

    def action_ops_open_change_requests(self):
        return self._ops_project_action("ops_project_lifecycle.ops_project_change_request_action")
