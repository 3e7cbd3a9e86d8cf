# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class AccountMove(models.Model):
    """The fund purpose of an entry: payments reach it through their
    journal entry, bank statement lines inherit it from theirs."""

    _inherit = "account.move"

    ops_fund_purpose_id = fields.Many2one(
        "ops.fund.purpose",
        string="Fund Purpose",
        index="btree_not_null",
        tracking=True,
        copy=False,
        help="What the money is used for (or comes from). The cash plan measures its "
        "actual figures and the fund-usage monitoring checks the outgoing movements "
        "by this purpose.",
    )

    @api.model
    def _ops_subject_paths(self):
        # The fund-usage check of a movement is about who booked it.
        return super()._ops_subject_paths() | {"create_uid", "origin_payment_id.create_uid"}

    def write(self, vals):
        if "ops_fund_purpose_id" in vals and not self.env.su:
            # Changing the purpose of a posted movement clears (or raises)
            # its fund-usage flags: a decision of the check, not of who
            # booked the movement.
            changed = self.filtered(
                lambda m: (
                    m.state == "posted" and m.ops_fund_purpose_id.id != vals["ops_fund_purpose_id"]
                )
            )
            changed._ops_check_not_concerned(self.env._("the fund purpose of a posted movement"))
        res = super().write(vals)
        if "ops_fund_purpose_id" in vals:
            for move in self.filtered("origin_payment_id"):
                payment = move.origin_payment_id
                if payment.ops_fund_purpose_id != move.ops_fund_purpose_id:
                    payment.ops_fund_purpose_id = move.ops_fund_purpose_id
        return res
