# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

BONUS_EXPENSE_DOMAIN = (
    "[('deprecated', '=', False), ('account_type', 'in', ('expense', 'expense_direct_cost'))]"
)
BONUS_PAYABLE_DOMAIN = "[('deprecated', '=', False), ('account_type', '=', 'liability_current')]"
BONUS_JOURNAL_DOMAIN = "[('type', '=', 'general')]"


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_bonus_expense_account_id = fields.Many2one(
        "account.account",
        string="Bonus Expense Account",
        check_company=True,
        domain=BONUS_EXPENSE_DOMAIN,
        help="Debited with the bonuses of a bonus sheet, one line per department and kind "
        "of bonus.",
    )
    ops_bonus_payable_account_id = fields.Many2one(
        "account.account",
        string="Bonus Payable Account",
        check_company=True,
        domain=BONUS_PAYABLE_DOMAIN,
        help="Current liability credited with the total of a bonus sheet, e.g. "
        "employee benefits payable.",
    )
    ops_bonus_journal_id = fields.Many2one(
        "account.journal",
        string="Bonus Journal",
        check_company=True,
        domain=BONUS_JOURNAL_DOMAIN,
        help="Miscellaneous journal of the draft journal entries of bonus sheets.",
    )
