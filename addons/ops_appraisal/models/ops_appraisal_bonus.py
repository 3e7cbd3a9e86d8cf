# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

from .ops_appraisal import PUBLISHED_STATES

HR = "ops_org.ops_org_group_hr"
LEADERSHIP = "ops_org.ops_org_group_leadership"


class OpsAppraisalBonusSheet(models.Model):
    """The bonus sheet of a published cycle (policy §四(二)1): performance
    bonus = each employee's base times the coefficient of their grade; for
    an annual cycle, a year-end pool shared in proportion to the scores."""

    _name = "ops.appraisal.bonus.sheet"
    _description = "Bonus Sheet"
    _inherit = ["mail.thread", "ops.workflow.mixin"]
    _order = "id desc"

    # HR computes the sheet; HR or Leadership confirm it, never someone the
    # sheet pays: an officer whose own line is on it leaves the
    # confirmation to another officer or to Leadership.
    _ops_transitions = {
        "compute": Transition(("draft",), None, (HR,)),
        "confirm": Transition(("draft",), "confirmed", (HR, LEADERSHIP), decision=True),
    }
    _ops_subject_fields = ("line_ids.appraisal_id.employee_id",)
    _ops_decision_methods = ("action_confirm",)
    _ops_harmless_methods = ("action_compute",)
    _ops_unlink_states = ("draft",)

    name = fields.Char(required=True)
    cycle_id = fields.Many2one("ops.appraisal.cycle", required=True, ondelete="restrict")
    company_id = fields.Many2one(related="cycle_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    year_end_pool = fields.Monetary(
        ops_min=0, help="Annual cycles: the company pool shared among employees by score."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many("ops.appraisal.bonus.line", "sheet_id", string="Lines")
    total = fields.Monetary(compute="_compute_total", store=True)

    @api.depends("line_ids.total")
    def _compute_total(self):
        for sheet in self:
            sheet.total = sum(sheet.line_ids.mapped("total"))

    @api.constrains("cycle_id")
    def _check_cycle_published(self):
        for sheet in self:
            if sheet.cycle_id.state not in ("published", "closed"):
                raise ValidationError(
                    self.env._(
                        "Cycle %(cycle)s is not published: no bonus before the results are.",
                        cycle=sheet.cycle_id.name,
                    )
                )

    def action_compute(self):
        """(Re)build the lines: one per published appraisal of the cycle,
        performance bonus from the grade, year-end share of the pool by score;
        project awards already entered are kept. One batch for the sheet."""
        self._ops_transition("compute")
        for sheet in self:
            # sudo: the sheet pays every published result of the cycle, also
            # those the officer may not read (classified results).
            appraisals = sheet.sudo().cycle_id.appraisal_ids.filtered(
                lambda a: a.state in PUBLISHED_STATES
            )
            already = (
                self.env["ops.appraisal.bonus.line"]
                .sudo()
                .search([("appraisal_id", "in", appraisals.ids), ("sheet_id", "!=", sheet.id)])
            )
            if already:
                raise ValidationError(
                    self.env._(
                        "%(employees)s already have a bonus for cycle %(cycle)s (%(sheets)s).",
                        employees=", ".join(already.mapped("employee_name")),
                        cycle=sheet.cycle_id.name,
                        sheets=", ".join(already.sheet_id.mapped("name")),
                    )
                )
            awards = {line.appraisal_id.id: line.project_award for line in sheet.line_ids}
            awards.update(sheet._ops_project_awards(appraisals))
            # sudo: the lines are computed from the bonus bases, the grades and
            # the pool, decided before; none of their amounts is the caller's
            # choice, so an officer on the sheet may compute it (another one
            # confirms it).
            sheet.sudo().line_ids.unlink()
            total_score = sum(appraisals.mapped("final_score"))
            annual = sheet.cycle_id.period == "annual" and total_score
            bases = {
                employee.id: employee.ops_bonus_base for employee in appraisals.employee_id.sudo()
            }
            self.env["ops.appraisal.bonus.line"].sudo().create(
                [
                    {
                        "sheet_id": sheet.id,
                        "appraisal_id": appraisal.id,
                        "base": bases[appraisal.employee_id.id],
                        "project_award": awards.get(appraisal.id, 0.0),
                        "year_end_bonus": sheet.currency_id.round(
                            sheet.year_end_pool * appraisal.final_score / total_score
                        )
                        if annual
                        else 0.0,
                    }
                    for appraisal in appraisals
                ]
            )
        return True

    def _ops_project_awards(self, appraisals):
        """{appraisal id: project award} for the given appraisals, computed
        from the projects accepted in the cycle's period. Bridges fill it
        (ops_appraisal_project); amounts entered by hand are kept for the
        appraisals it leaves out."""
        self.ensure_one()
        return {}

    def action_confirm(self):
        for sheet in self:
            if not sheet.line_ids:
                raise UserError(self.env._("Compute the sheet before confirming it."))
        # sudo: Leadership confirms without writing bonus sheets otherwise;
        # the step checked who confirms (and that they are on no line).
        self._ops_transition("confirm", sudo=True)
        return True

    def write(self, vals):
        if set(vals) & {"cycle_id", "year_end_pool", "line_ids"}:
            self._ops_check_lines_editable()
        return super().write(vals)

    def unlink(self):
        # Who may not delete sheets hears that first; then only drafts go.
        if not self.env.su:
            self.check_access("unlink")
        return super().unlink()

    def _ops_check_lines_editable(self):
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(self.env._("A confirmed bonus sheet cannot change."))


class OpsAppraisalBonusLine(models.Model):
    _name = "ops.appraisal.bonus.line"
    _ops_classified_by = "appraisal_id"  # confidentiality follows it (ops_org base)
    _description = "Bonus Line"
    _order = "sheet_id, employee_name"
    _rec_name = "employee_name"

    # The amounts of a line are decisions about its recipient.
    _ops_subject_fields = ("appraisal_id.employee_id",)
    _ops_decision_fields = ("base", "year_end_bonus", "project_award")

    sheet_id = fields.Many2one(
        "ops.appraisal.bonus.sheet", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="sheet_id.company_id", store=True)
    currency_id = fields.Many2one(related="sheet_id.currency_id")
    appraisal_id = fields.Many2one("ops.appraisal", required=True, ondelete="restrict")
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True, index=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True, index=True)
    employee_name = fields.Char(related="appraisal_id.employee_name", store=True)
    department_id = fields.Many2one(related="appraisal_id.department_id", store=True)
    score = fields.Float(related="appraisal_id.final_score")
    grade_id = fields.Many2one(related="appraisal_id.grade_id")
    coefficient = fields.Float(related="appraisal_id.grade_id.bonus_coefficient")
    base = fields.Monetary(string="Bonus Base", ops_min=0)
    performance_bonus = fields.Monetary(compute="_compute_amounts", store=True)
    year_end_bonus = fields.Monetary(ops_min=0)
    project_award = fields.Monetary(ops_min=0)
    total = fields.Monetary(compute="_compute_amounts", store=True)

    _sql_constraints = [
        (
            "cycle_employee_uniq",
            "unique(cycle_id, employee_id)",
            "An employee gets one bonus per cycle.",
        )
    ]

    @api.depends(
        "base", "appraisal_id.grade_id.bonus_coefficient", "year_end_bonus", "project_award"
    )
    def _compute_amounts(self):
        for line in self:
            line.performance_bonus = line.currency_id.round(line.base * line.coefficient)
            line.total = line.performance_bonus + line.year_end_bonus + line.project_award

    @api.constrains("appraisal_id", "sheet_id")
    def _check_one_bonus(self):
        for line in self:
            if line.appraisal_id.cycle_id != line.sheet_id.cycle_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s's appraisal is not of this sheet's cycle.",
                        employee=line.employee_name,
                    )
                )
            if line.appraisal_id.state not in PUBLISHED_STATES:
                raise ValidationError(
                    self.env._(
                        "%(employee)s's appraisal is not published.", employee=line.employee_name
                    )
                )
        # One query for the whole batch.
        duplicates = self._read_group(
            [("cycle_id", "in", self.cycle_id.ids), ("employee_id", "in", self.employee_id.ids)],
            ["cycle_id", "employee_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if duplicates:
            cycle, employee, _count = duplicates[0]
            raise ValidationError(
                self.env._(
                    "%(employee)s already has a bonus for cycle %(cycle)s.",
                    employee=employee.sudo().name,
                    cycle=cycle.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        sheets = self.env["ops.appraisal.bonus.sheet"].browse(
            [vals["sheet_id"] for vals in vals_list if vals.get("sheet_id")]
        )
        sheets.exists()._ops_check_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.sheet_id._ops_check_lines_editable()
        return super().write(vals)

    def unlink(self):
        self.sheet_id._ops_check_lines_editable()
        return super().unlink()
