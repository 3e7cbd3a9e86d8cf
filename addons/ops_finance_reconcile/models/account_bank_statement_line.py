# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class AccountBankStatementLine(models.Model):
    """A bank statement line reconciled on OCA's screen takes the fund
    purpose of what it was matched with (the payments or entries it settles)
    when it has none of its own and they agree on one: the bank movement
    then counts in the cash plan and the fund-usage monitoring under that
    purpose, as the payment did while it was outstanding."""

    _inherit = "account.bank.statement.line"

    def reconcile_bank_line(self):
        res = super().reconcile_bank_line()
        self._ops_take_matched_purpose()
        return res

    def _do_auto_reconcile(self, models):
        # OCA reconciles a line that a reconciliation model matches when it
        # is imported (e.g. the payment of the same partner and amount),
        # without going through reconcile_bank_line.
        res = super()._do_auto_reconcile(models)
        self._ops_take_matched_purpose()
        return res

    def _ops_matched_moves(self):
        """The entries the line's movement was reconciled with: directly
        (OCA's "edit" mode) or through the entry that carried its
        counterparts ("keep" mode)."""
        self.ensure_one()
        own = self.move_id

        def reconciled_moves(moves):
            lines = moves.line_ids
            partials = lines.matched_debit_ids | lines.matched_credit_ids
            return (partials.debit_move_id | partials.credit_move_id).move_id - moves

        first = reconciled_moves(own)
        return first | reconciled_moves(first.filtered(lambda m: not m.ops_fund_purpose_id)) - own

    def _ops_take_matched_purpose(self):
        for line in self.filtered(lambda ln: ln.is_reconciled and not ln.ops_fund_purpose_id):
            purposes = line._ops_matched_moves().ops_fund_purpose_id
            if len(purposes) == 1:
                # sudo: the purpose of the matched payments, carried to the
                # bank movement that settles them; nothing is chosen by the
                # user (who may not change the purpose of a movement they
                # booked, see account.move.write).
                line.move_id.sudo().ops_fund_purpose_id = purposes
        return True
