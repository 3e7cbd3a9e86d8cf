# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Notifications respect the level (policy §七): of a confidential or secret
record (or one that belongs to it), messages, e-mails, inbox notifications
and activities reach only the people cleared for its level who need to know.
Odoo sends a message's body to every follower and recipient, and lets each
recipient read the message, whatever their access to the record."""

from odoo import api, models
from odoo.exceptions import UserError


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _ops_hearers(self, partners):
        """The ``partners`` who may hear of ``self``: all of them unless it
        is classified above internal; then the partners of its cleared users
        who need to know (a partner without a user — a customer, a portal
        contact — hears nothing of it)."""
        self.ensure_one()
        if not partners or self._ops_classified_rank() <= 1:
            return partners
        # sudo: reads which users the partners are, to compare them with the
        # need-to-know list; only the allowed partners come out.
        users = partners.sudo().with_context(active_test=False).user_ids
        return partners & self._ops_cleared_users(users).partner_id

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if len(self) != 1 or not recipients or self._ops_classified_rank() <= 1:
            return recipients
        partners = self.env["res.partner"].browse([r["id"] for r in recipients if r.get("id")])
        allowed = set(self._ops_hearers(partners).ids)
        return [r for r in recipients if r.get("id") in allowed]

    def message_post(self, **kwargs):
        if len(self) == 1 and kwargs.get("partner_ids") and self._ops_classified_rank() > 1:
            partners = self.env["res.partner"].browse(list(kwargs["partner_ids"]))
            kwargs["partner_ids"] = self._ops_hearers(partners).ids
        return super().message_post(**kwargs)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        if not partner_ids:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids)
        classified = self.filtered(lambda r: r._ops_classified_rank() > 1)
        for record in classified:
            allowed = record._ops_hearers(self.env["res.partner"].browse(partner_ids)).ids
            if allowed:
                super(MailThread, record)._message_subscribe(allowed, subtype_ids, customer_ids)
        rest = self - classified
        if not rest:
            return True
        return super(MailThread, rest)._message_subscribe(partner_ids, subtype_ids, customer_ids)


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        activities._ops_check_assignees_cleared()
        return activities

    def write(self, vals):
        res = super().write(vals)
        if "user_id" in vals or "res_id" in vals:
            self._ops_check_assignees_cleared()
        return res

    def _ops_check_assignees_cleared(self):
        """An activity shows its record's name and summary to its assignee:
        on a confidential or secret record it is only for a user cleared for
        the level who needs to know."""
        # sudo: reads the activities' records to tell their level; nothing is
        # returned.
        for activity in self.sudo():
            if not activity.user_id or activity.res_model not in self.env:
                continue
            record = self.env[activity.res_model].sudo().browse(activity.res_id).exists()
            if not record or record._ops_classified_rank() <= 1:
                continue
            if not record._ops_cleared_users(activity.user_id):
                raise UserError(
                    self.env._(
                        "%(user)s is not cleared for this %(kind)s or does not need to know "
                        "it: the activity cannot be assigned to them.",
                        user=activity.user_id.name,
                        kind=self.env["ir.model"]._get(activity.res_model).name,
                    )
                )
