# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    ops_bonus_sheet_id = fields.Many2one(
        "ops.appraisal.bonus.sheet",
        string="Bonus Sheet",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The bonus sheet this journal entry books.",
    )
