# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .res_company import BONUS_EXPENSE_DOMAIN, BONUS_JOURNAL_DOMAIN, BONUS_PAYABLE_DOMAIN


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_bonus_expense_account_id = fields.Many2one(
        related="company_id.ops_bonus_expense_account_id",
        readonly=False,
        check_company=True,
        domain=BONUS_EXPENSE_DOMAIN,
    )
    ops_bonus_payable_account_id = fields.Many2one(
        related="company_id.ops_bonus_payable_account_id",
        readonly=False,
        check_company=True,
        domain=BONUS_PAYABLE_DOMAIN,
    )
    ops_bonus_journal_id = fields.Many2one(
        related="company_id.ops_bonus_journal_id",
        readonly=False,
        check_company=True,
        domain=BONUS_JOURNAL_DOMAIN,
    )
