# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models
from odoo.exceptions import UserError


class AccountPaymentRegister(models.TransientModel):
    _inherit = "account.payment.register"

    def _create_payments(self):
        """An expense report is paid once its chain approved it, and once:
        two finance officers paying it at the same moment are serialised on
        the entry, and the second finds it paid."""
        moves = self.line_ids.move_id.sudo().filtered("expense_sheet_id")
        if moves:
            self.env["hr.expense.sheet"]._ops_check_payable_moves(moves)
            moves._ops_lock_rows()
            self.line_ids.invalidate_recordset(["amount_residual", "reconciled"])
            paid = moves.filtered(
                lambda m: (
                    m.payment_state in ("paid", "in_payment", "reversed")
                    or m.currency_id.is_zero(m.amount_residual)
                )
            )
            if paid:
                raise UserError(
                    self.env._(
                        "%(entries)s is already paid.",
                        entries=", ".join(paid.mapped("display_name")),
                    )
                )
        return super()._create_payments()
