# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        res = super()._mark_done()
        evaluations = (
            self.env["ops.training.evaluation"]
            .sudo()
            .search([("user_input_id", "in", self.ids), ("state", "=", "pending")])
        )
        evaluations._ops_read_survey()
        return res
