# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class OpsAppraisal(models.Model):
    _inherit = "ops.appraisal"

    ops_training_need_ids = fields.One2many(
        "ops.training.need", "appraisal_id", string="Training Needs Planned"
    )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "published":
            self._ops_create_training_needs()
        return res

    def _ops_create_training_needs(self):
        """The training needs agreed in a published appraisal, once each."""
        Need = self.env["ops.training.need"].sudo()
        done = Need.search([("appraisal_id", "in", self.ids)]).appraisal_id
        Need.create(
            [
                {
                    "name": self.env._(
                        "From appraisal %(cycle)s", cycle=appraisal.cycle_id.display_name
                    ),
                    "description": appraisal.training_need,
                    "employee_id": appraisal.employee_id.id,
                    "source": "appraisal",
                    "appraisal_id": appraisal.id,
                    "company_id": appraisal.company_id.id,
                }
                for appraisal in self.sudo()
                if (appraisal.training_need or "").strip() and appraisal not in done
            ]
        )
