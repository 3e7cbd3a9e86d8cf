# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class OpsAppraisalAppealDecision(models.TransientModel):
    """HR decides an appeal on screen (policy §四(一)1: fair, open
    appraisal): upheld with a new score within the template's scale, or
    rejected, with the reason the employee reads. The decision itself is
    ``ops.appraisal.action_decide_appeal``: HR, never the appellant."""

    _name = "ops.appraisal.appeal.decision"
    _description = "Decide an Appraisal Appeal"

    _ops_decision_methods = ("action_decide",)

    appraisal_id = fields.Many2one("ops.appraisal", required=True, ondelete="cascade")
    employee_name = fields.Char(related="appraisal_id.employee_name")
    appeal_reason = fields.Text(related="appraisal_id.appeal_reason")
    final_score = fields.Float(related="appraisal_id.final_score", string="Current Score")
    score_max = fields.Float(string="Highest Score", compute="_compute_score_max")
    decision = fields.Selection(
        [("upheld", "Upheld"), ("rejected", "Rejected")], string="Appeal", required=True
    )
    new_score = fields.Float(
        ops_min=0, help="The score the appraisal takes when the appeal is upheld."
    )
    reason = fields.Text(required=True, help="Why the appeal is upheld or rejected.")

    @api.depends("appraisal_id")
    def _compute_score_max(self):
        for wizard in self:
            template = wizard.appraisal_id.cycle_id.template_id
            wizard.score_max = template._ops_score_max() if template else 100.0

    def action_decide(self):
        self.ensure_one()
        upheld = self.decision == "upheld"
        self.appraisal_id.action_decide_appeal(
            upheld, self.reason, self.new_score if upheld else None
        )
        return {"type": "ir.actions.act_window_close"}
