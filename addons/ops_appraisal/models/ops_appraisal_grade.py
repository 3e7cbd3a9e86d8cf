# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsAppraisalGrade(models.Model):
    """A grade band: the lowest score that earns it and its bonus
    coefficient (policy §四(一)5: the bonus follows the score)."""

    _name = "ops.appraisal.grade"
    _description = "Appraisal Grade"
    _order = "min_score desc"

    name = fields.Char(required=True, translate=True)
    min_score = fields.Float(string="From Score", required=True)
    bonus_coefficient = fields.Float(default=1.0)
    improvement_plan = fields.Boolean(
        string="Needs Improvement Plan", help="Results in this band call for an improvement plan."
    )
    promotion_priority = fields.Boolean(help="Results in this band give promotion priority.")
    target_share = fields.Float(
        string="Target Share (%)", help="Share of employees expected in this band (calibration)."
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.constrains("min_score")
    def _check_min_score(self):
        for grade in self:
            if not 0 <= grade.min_score <= 100:
                raise ValidationError(
                    self.env._(
                        "Grade %(grade)s: the lowest score must be between 0 and 100.",
                        grade=grade.name,
                    )
                )
