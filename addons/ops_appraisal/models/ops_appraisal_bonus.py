# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .ops_appraisal import PUBLISHED_STATES


class OpsAppraisalBonusSheet(models.Model):
    """The bonus sheet of a published cycle (policy §四(二)1): performance
    bonus = each employee's base times the coefficient of their grade; for
    an annual cycle, a year-end pool shared in proportion to the scores."""

    _name = "ops.appraisal.bonus.sheet"
    _description = "Bonus Sheet"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(required=True)
    cycle_id = fields.Many2one("ops.appraisal.cycle", required=True, ondelete="restrict")
    company_id = fields.Many2one(related="cycle_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    year_end_pool = fields.Monetary(
        help="Annual cycles: the company pool shared among employees by score."
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
        for sheet in self:
            if sheet.state != "draft":
                raise UserError(self.env._("A confirmed bonus sheet cannot change."))
            appraisals = sheet.cycle_id.appraisal_ids.filtered(
                lambda a: a.state in PUBLISHED_STATES
            )
            already = self.env["ops.appraisal.bonus.line"].search(
                [("appraisal_id", "in", appraisals.ids), ("sheet_id", "!=", sheet.id)]
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
            sheet.line_ids.unlink()
            total_score = sum(appraisals.mapped("final_score"))
            annual = sheet.cycle_id.period == "annual" and total_score
            bases = {
                employee.id: employee.ops_bonus_base for employee in appraisals.employee_id.sudo()
            }
            self.env["ops.appraisal.bonus.line"].create(
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
        self.write({"state": "confirmed"})
        return True


class OpsAppraisalBonusLine(models.Model):
    _name = "ops.appraisal.bonus.line"
    _description = "Bonus Line"
    _order = "sheet_id, employee_name"

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
    base = fields.Monetary(string="Bonus Base")
    performance_bonus = fields.Monetary(compute="_compute_amounts", store=True)
    year_end_bonus = fields.Monetary()
    project_award = fields.Monetary()
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

    def write(self, vals):
        if self.sheet_id.filtered(lambda s: s.state != "draft"):
            raise UserError(self.env._("A confirmed bonus sheet cannot change."))
        return super().write(vals)
