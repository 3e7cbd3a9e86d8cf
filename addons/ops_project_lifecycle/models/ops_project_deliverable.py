# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

from .ops_project_deliverable_type import REQUIRED_FIELDS


class OpsProjectDeliverable(models.Model):
    """A typed deliverable of a gate, with the fields the policy names for
    its kind (initiation request form, plan, test report, launch plan, …)."""

    _name = "ops.project.deliverable"
    _ops_classified_by = "project_id"  # confidentiality follows it (ops_org base)
    _description = "Project Deliverable"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "project_id, gate_id, sequence, id"

    # Completed and reopened by whoever may write the deliverable (the
    # project team, Leadership) while its gate is open and not under review.
    _ops_transitions = {
        "done": Transition(("draft",), "done"),
        "reopen": Transition(("done",), "draft"),
    }
    _ops_harmless_methods = ("action_done", "action_draft")
    # The period of an operations analysis is the scheduled job's: one per
    # gate and period, never moved by hand.
    _ops_workflow_fields = ("period_start", "period_end")

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(related="type_id.sequence", store=True)
    gate_id = fields.Many2one(
        "ops.project.gate", required=True, ondelete="cascade", index=True, tracking=True
    )
    project_id = fields.Many2one(related="gate_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="gate_id.company_id", store=True, index=True)
    phase_id = fields.Many2one(related="gate_id.phase_id", store=True)
    type_id = fields.Many2one(
        "ops.project.deliverable.type",
        required=True,
        domain="[('phase_id', '=', phase_id)]",
        tracking=True,
    )
    kind = fields.Selection(related="type_id.kind", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Complete")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    author_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    description = fields.Html()
    # initiation request form 《项目启动申请表》
    background = fields.Html()
    objectives = fields.Html()
    requirements = fields.Html()
    # project plan
    positioning = fields.Html()
    content_plan = fields.Html()
    promotion_strategy = fields.Html()
    schedule = fields.Html()
    # test report
    functional_result = fields.Html(string="Functional Test Results")
    performance_result = fields.Html(string="Performance Test Results")
    compatibility_result = fields.Html(string="Compatibility Test Results")
    defect_ids = fields.One2many("project.task", "ops_deliverable_id", string="Defects")
    defects_found = fields.Integer(compute="_compute_defects")
    defects_fixed = fields.Integer(compute="_compute_defects")
    defects_retested = fields.Integer(compute="_compute_defects")
    # launch plan
    launch_date = fields.Datetime()
    launch_content = fields.Html()
    launch_procedure = fields.Html()
    checklist_ids = fields.One2many(
        "ops.project.checklist.line", "deliverable_id", string="Pre-launch Checklist"
    )
    # operating metrics
    metrics_summary = fields.Html(string="Operating Metrics")
    # periodic operations analysis (policy §三(一)7: 定期对产品运营数据进行分析)
    period_start = fields.Date(string="Period From", readonly=True, copy=False)
    period_end = fields.Date(string="Period To", readonly=True, copy=False)
    date_deadline = fields.Date(string="Due Date", copy=False, tracking=True)
    effect_assessment = fields.Html(string="Operating Effect Assessment")
    recommendations = fields.Html(string="Optimisation Recommendations")
    # acceptance request report 《项目验收申请报告》
    goal_completion = fields.Html()
    quality_assessment = fields.Html(string="Product Quality")
    technical_indicators = fields.Html()
    operating_results = fields.Html()
    # closing review
    lessons_learned = fields.Html()

    @api.depends("defect_ids.state", "defect_ids.ops_retested", "defect_ids.ops_is_defect")
    def _compute_defects(self):
        for deliverable in self:
            defects = deliverable.defect_ids.filtered("ops_is_defect")
            deliverable.defects_found = len(defects)
            deliverable.defects_fixed = len(
                defects.filtered(lambda t: t.state in ("1_done", "1_canceled"))
            )
            deliverable.defects_retested = len(defects.filtered("ops_retested"))

    @api.constrains("type_id", "gate_id")
    def _check_type_phase(self):
        for deliverable in self:
            if deliverable.type_id.phase_id != deliverable.gate_id.phase_id:
                raise ValidationError(
                    self.env._(
                        "“%(type)s” is a deliverable of %(type_phase)s, not of %(phase)s.",
                        type=deliverable.type_id.name,
                        type_phase=deliverable.type_id.phase_id.name,
                        phase=deliverable.gate_id.phase_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        deliverables = super().create(vals_list)
        deliverables._ops_check_gate_editable()
        return deliverables

    def write(self, vals):
        self._ops_check_gate_editable()
        res = super().write(vals)
        if "gate_id" in vals:
            self._ops_check_gate_editable()
        return res

    def unlink(self):
        self._ops_check_gate_editable()
        return super().unlink()

    def _ops_check_gate_editable(self):
        for deliverable in self:
            gate = deliverable.gate_id
            if gate.state != "open" or gate.validation_status in (
                "pending",
                "waiting",
                "validated",
            ):
                raise UserError(
                    self.env._(
                        "The deliverables of gate %(gate)s are frozen while it is under "
                        "review or once it has passed.",
                        gate=gate.display_name,
                    )
                )

    def _ops_missing_fields(self):
        self.ensure_one()
        missing = []
        for fname in REQUIRED_FIELDS.get(self.kind or "other", []):
            value = self[fname]
            if self._fields[fname].type == "html":
                value = html2plaintext(value or "").strip()
            if not value:
                missing.append(self._fields[fname]._description_string(self.env))
        if self.kind == "launch_plan" and self.checklist_ids.filtered(lambda c: not c.done):
            missing.append(self.env._("every pre-launch check done"))
        return missing

    def action_done(self):
        for deliverable in self:
            missing = deliverable._ops_missing_fields()
            if missing:
                raise UserError(
                    self.env._(
                        "%(deliverable)s cannot be completed without: %(fields)s.",
                        deliverable=deliverable.name,
                        fields=", ".join(missing),
                    )
                )
        self._ops_transition("done")
        # sudo: the to-do of a deliverable just completed is marked done,
        # whoever it was given to; nothing is read back.
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_draft(self):
        self._ops_transition("reopen")
        return True


class OpsProjectChecklistLine(models.Model):
    _name = "ops.project.checklist.line"
    _ops_classified_by = "deliverable_id.project_id"  # confidentiality follows it (ops_org base)
    _description = "Pre-launch Check"
    _order = "deliverable_id, sequence, id"

    deliverable_id = fields.Many2one(
        "ops.project.deliverable", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="deliverable_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    done = fields.Boolean()
    user_id = fields.Many2one("res.users", string="Checked by")
