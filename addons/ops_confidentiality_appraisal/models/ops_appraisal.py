# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class OpsAppraisal(models.Model):
    """Appraisal results take the confidentiality classification (policy §七)."""

    _name = "ops.appraisal"
    _inherit = ["ops.appraisal", "ops.confidentiality.mixin"]

    ops_need_to_know_user_ids = fields.Many2many(
        relation="ops_appraisal_need_to_know_user_rel", column1="appraisal_id", column2="user_id"
    )
    ops_need_to_know_department_ids = fields.Many2many(
        relation="ops_appraisal_need_to_know_department_rel",
        column1="appraisal_id",
        column2="department_id",
    )

    @api.model
    def _ops_decision_field_names(self):
        # Who may read a result is decided about the appraised employee: nobody
        # classifies their own result or names who needs to know it (a head
        # hiding their result from the HR officers who calibrate it).
        return super()._ops_decision_field_names() | {
            "ops_level",
            "ops_need_to_know_user_ids",
            "ops_need_to_know_department_ids",
        }
