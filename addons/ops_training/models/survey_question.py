# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    ops_training_aspect = fields.Selection(
        [
            ("content", "Content"),
            ("method", "Method"),
            ("trainer", "Trainer"),
            ("comment", "Comment"),
        ],
        string="Training Aspect",
        help="Which score of a training evaluation this answer fills.",
    )
