# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class OpsApprovalReject(models.TransientModel):
    _name = "ops.approval.reject"
    _description = "Reject an Approval"

    _ops_decision_methods = ("action_reject",)

    review_id = fields.Many2one("tier.review", required=True, readonly=True)
    # Computed rather than related to ``tier.review``'s field of ours: the
    # tests of base_tier_validation rebuild tier.review from that module
    # alone (odoo_test_helper's FakeModelLoader), where a related field on an
    # extension of ours would not resolve.
    document = fields.Char(compute="_compute_document")
    reason = fields.Text(required=True)

    @api.depends("review_id")
    def _compute_document(self):
        for wizard in self:
            wizard.document = wizard.review_id.ops_res_name

    @api.model
    def _ops_open(self, context):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

    def action_reject(self):
        self.ensure_one()
        self.review_id._ops_check_reviewer()
        self.review_id._ops_record()._ops_reject(self.reason, reviews=self.review_id)
        return {"type": "ir.actions.act_window_close"}
