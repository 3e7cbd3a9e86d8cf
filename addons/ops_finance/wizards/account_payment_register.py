# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class AccountPaymentRegister(models.TransientModel):
    """Paying proposes the fund purpose of what is paid: expense reports
    are expense reimbursements, entries that all carry one purpose give it;
    finance may change it before paying."""

    _inherit = "account.payment.register"

    ops_fund_purpose_id = fields.Many2one(
        "ops.fund.purpose",
        string="Fund Purpose",
        compute="_compute_ops_fund_purpose_id",
        store=True,
        readonly=False,
        help="What the money is used for (or comes from); given to the payments.",
    )

    @api.depends("line_ids")
    def _compute_ops_fund_purpose_id(self):
        reimbursement = self.env.ref(
            "ops_finance.ops_fund_purpose_expense_reimbursement", raise_if_not_found=False
        )
        for wizard in self:
            # sudo: which report an entry pays and its purpose, to propose one.
            moves = wizard.line_ids.move_id.sudo()
            purposes = moves.ops_fund_purpose_id
            if moves and all(moves.mapped("expense_sheet_id")):
                wizard.ops_fund_purpose_id = reimbursement
            elif len(purposes) == 1 and all(moves.mapped("ops_fund_purpose_id")):
                wizard.ops_fund_purpose_id = purposes.sudo(False)
            else:
                wizard.ops_fund_purpose_id = False

    def _create_payment_vals_from_wizard(self, batch_result):
        vals = super()._create_payment_vals_from_wizard(batch_result)
        if self.ops_fund_purpose_id:
            vals["ops_fund_purpose_id"] = self.ops_fund_purpose_id.id
        return vals

    def _create_payment_vals_from_batch(self, batch_result):
        vals = super()._create_payment_vals_from_batch(batch_result)
        if self.ops_fund_purpose_id:
            vals["ops_fund_purpose_id"] = self.ops_fund_purpose_id.id
        return vals

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
