# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models


class AccountPayment(models.Model):
    """The fund purpose of a payment: kept on the payment while it has no
    journal entry yet, passed to its entry, and in step with it afterwards."""

    _inherit = "account.payment"
    # Odoo's posting, followed by the fund-usage check.
    _ops_harmless_methods = ("action_post",)

    # Kept in step with the journal entry by writes on either side, not
    # computed from move_id: recomputed when Odoo deletes the entry of a
    # payment being deleted, it checked the payment without its entry.
    ops_fund_purpose_id = fields.Many2one(
        "ops.fund.purpose",
        string="Fund Purpose",
        index="btree_not_null",
        tracking=True,
        help="What the money is used for (or comes from); passed to the journal entry.",
    )

    @api.model
    def _ops_subject_paths(self):
        # The fund-usage check of an outgoing payment is about who made it.
        return super()._ops_subject_paths() | {"create_uid"}

    def write(self, vals):
        res = super().write(vals)
        if "ops_fund_purpose_id" in vals:
            for payment in self.filtered("move_id"):
                if payment.move_id.ops_fund_purpose_id != payment.ops_fund_purpose_id:
                    payment.move_id.ops_fund_purpose_id = payment.ops_fund_purpose_id
        return res

    def unlink(self):
        # The notes and activities of the fund-usage check go before Odoo
        # deletes the journal entries (account.payment.unlink): deleted after
        # (by mail.thread), they flush a payment already without its entry,
        # which Odoo then refuses.
        self.env["mail.activity"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["mail.message"].sudo().search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        return super().unlink()

    def _generate_move_vals(self, write_off_line_vals=None, force_balance=None, line_ids=None):
        vals = super()._generate_move_vals(
            write_off_line_vals=write_off_line_vals, force_balance=force_balance, line_ids=line_ids
        )
        vals["ops_fund_purpose_id"] = self.ops_fund_purpose_id.id
        return vals

    def action_post(self):
        res = super().action_post()
        self._ops_check_fund_usage()
        return True if res is None else res

    def _ops_check_fund_usage(self):
        """An outgoing payment without a fund purpose, or with one that no
        approved cash plan of its month provides for: a note on the payment
        and one activity for finance, never for who made or posted the
        payment (they cannot clear it either, see ``mail.activity``)."""
        poster = self.env.user
        plans = self.env["ops.cash.plan"].sudo()
        activity_type = self.env.ref(
            "ops_finance.mail_activity_type_fund_usage", raise_if_not_found=False
        )
        for payment in self.sudo().filtered(
            lambda p: p.payment_type == "outbound" and p.move_id.state == "posted"
        ):
            purpose = payment.ops_fund_purpose_id
            if purpose and purpose.id in plans._ops_planned_expense(
                payment.company_id, payment.date
            ):
                continue
            if purpose:
                problem = self.env._(
                    "No approved cash plan of %(month)s provides for the fund purpose %(purpose)s.",
                    month=payment.date.strftime("%Y-%m"),
                    purpose=purpose.display_name,
                )
            else:
                problem = self.env._("This outgoing payment has no fund purpose.")
            payment.message_post(
                body=Markup("<p>%s</p>") % problem,
                subtype_xmlid="mail.mt_note",
            )
            if activity_type and not self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", "account.payment"),
                    ("res_id", "=", payment.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            ):
                user = payment._ops_fund_usage_checker(exclude=poster)
                if user:
                    payment.activity_schedule(
                        activity_type_id=activity_type.id,
                        summary=self.env._("Check the fund usage"),
                        note=problem,
                        user_id=user.id,
                        date_deadline=fields.Date.context_today(payment),
                    )

    def _ops_fund_usage_checker(self, exclude=None):
        """Who checks the payment's fund usage: the first finance officer of
        its company who is not concerned (who made the payment, ``exclude``:
        who posted it); without one, Leadership."""
        self.ensure_one()
        concerned = self._ops_concerned_users() | (exclude or self.env["res.users"])

        def candidates(group):
            return (
                self.env.ref(group)
                .sudo()
                .users.filtered(lambda u: not u.share and self.company_id in u.company_ids)
                - concerned
            ).sorted("id")

        return (
            candidates("ops_org.ops_org_group_finance")[:1]
            or candidates("ops_org.ops_org_group_leadership")[:1]
        )
