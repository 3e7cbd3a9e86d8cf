# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .ops_appraisal_template import RATER_ROLES


class OpsAppraisalEvaluation(models.Model):
    """What one rater says of one employee in a cycle. Raters see only the
    evaluations they give; peers never see each other's."""

    _name = "ops.appraisal.evaluation"
    _description = "Appraisal Evaluation"
    _order = "appraisal_id, role, id"

    appraisal_id = fields.Many2one("ops.appraisal", required=True, ondelete="cascade", index=True)
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True)
    employee_name = fields.Char(related="appraisal_id.employee_name", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, index=True)
    rater_user_id = fields.Many2one("res.users", string="Rater", required=True, index=True)
    role = fields.Selection(RATER_ROLES, required=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Submitted")], default="todo", required=True, readonly=True
    )
    line_ids = fields.One2many("ops.appraisal.evaluation.line", "evaluation_id", string="Ratings")
    comment = fields.Text()
    score = fields.Float(compute="_compute_score", store=True)
    deadline = fields.Date(related="cycle_id.deadline")

    _sql_constraints = [
        (
            "rater_uniq",
            "unique(appraisal_id, rater_user_id, role)",
            "A rater evaluates a colleague once per role.",
        )
    ]

    @api.depends("line_ids.score", "line_ids.criterion_id.weight")
    def _compute_score(self):
        for evaluation in self:
            evaluation.score = sum(
                line.score * line.criterion_id.weight / 100.0 for line in evaluation.line_ids
            )

    @api.constrains("role", "rater_user_id", "appraisal_id")
    def _check_rater(self):
        for evaluation in self:
            employee_user = evaluation.appraisal_id.user_id
            if evaluation.role != "self" and evaluation.rater_user_id == employee_user:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot evaluate themselves as %(role)s.",
                        employee=evaluation.employee_name,
                        role=dict(self._fields["role"]._description_selection(self.env))[
                            evaluation.role
                        ],
                    )
                )
            if evaluation.role == "self" and evaluation.rater_user_id != employee_user:
                raise ValidationError(
                    self.env._(
                        "Only %(employee)s gives their self-evaluation.",
                        employee=evaluation.employee_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        Line = self.env["ops.appraisal.evaluation.line"].sudo()
        Line.create(
            [
                {"evaluation_id": evaluation.id, "criterion_id": criterion.id}
                for evaluation in evaluations
                for criterion in evaluation.appraisal_id.sudo().template_id.criterion_ids
            ]
        )
        return evaluations

    def write(self, vals):
        self._ops_check_editable()
        return super().write(vals)

    def _ops_check_editable(self):
        if self.env.su:
            return
        for evaluation in self:
            if evaluation.sudo().cycle_id.state != "open":
                raise UserError(
                    self.env._(
                        "The evaluation of %(employee)s can only change while its cycle is in "
                        "evaluation.",
                        employee=evaluation.employee_name,
                    )
                )
            if evaluation.state == "done":
                raise UserError(
                    self.env._(
                        "The evaluation of %(employee)s is submitted.",
                        employee=evaluation.employee_name,
                    )
                )

    def action_submit(self):
        for evaluation in self:
            evaluation._ops_check_editable()
            missing = evaluation.line_ids.filtered(
                lambda line: line.criterion_id.kind == "qualitative" and not line.rating
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Rate every criterion before submitting: %(names)s.",
                        names=", ".join(missing.criterion_id.mapped("name")),
                    )
                )
        self.sudo().write({"state": "done"})
        return True


class OpsAppraisalEvaluationLine(models.Model):
    _name = "ops.appraisal.evaluation.line"
    _description = "Appraisal Rating"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one(
        "ops.appraisal.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    criterion_id = fields.Many2one("ops.appraisal.criterion", required=True, ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    group = fields.Selection(related="criterion_id.group", store=True)
    kind = fields.Selection(related="criterion_id.kind")
    weight = fields.Float(related="criterion_id.weight")
    target = fields.Float(related="criterion_id.target")
    rating = fields.Integer()
    value = fields.Float(string="Measured Value")
    comment = fields.Char()
    score = fields.Float(compute="_compute_score", store=True)

    @api.depends("rating", "value", "criterion_id")
    def _compute_score(self):
        for line in self:
            scale = line.criterion_id.template_id.rating_scale
            line.score = line.criterion_id._score(line.rating, line.value, scale)

    @api.constrains("rating")
    def _check_rating(self):
        for line in self:
            scale = line.criterion_id.template_id.rating_scale
            if line.rating and not 1 <= line.rating <= scale:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s: a rating goes from 1 to %(scale)s, not %(rating)s.",
                        criterion=line.criterion_id.name,
                        scale=scale,
                        rating=line.rating,
                    )
                )

    def write(self, vals):
        self.evaluation_id._ops_check_editable()
        return super().write(vals)
