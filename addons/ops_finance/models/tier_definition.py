# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    ops_expense_checklist = fields.Boolean(
        string="Finance Checklist",
        help="Expense reports: the reviewer of this tier ticks that the receipts "
        "are authentic, the expense lawful and the claim complete before approving.",
    )

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + [
            "ops.budget",
            "ops.budget.adjustment",
            "ops.cash.plan",
        ]
