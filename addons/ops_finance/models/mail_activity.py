# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class MailActivity(models.Model):
    """A fund-usage check (an activity "Check the fund usage" on an outgoing
    payment) is cleared by finance, never by who made the payment: they
    cannot mark it done, edit, reassign or delete it."""

    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        activities._ops_check_fund_usage_clearance()
        return activities

    def write(self, vals):
        self._ops_check_fund_usage_clearance()
        return super().write(vals)

    def unlink(self):
        self._ops_check_fund_usage_clearance()
        return super().unlink()

    def _action_done(self, feedback=False, attachment_ids=None):
        self._ops_check_fund_usage_clearance()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _ops_check_fund_usage_clearance(self):
        if self.env.su:
            return
        activity_type = self.env.ref(
            "ops_finance.mail_activity_type_fund_usage", raise_if_not_found=False
        )
        if not activity_type:
            return
        checks = self.sudo().filtered(
            lambda a: (
                a.activity_type_id == activity_type
                and a.res_model == "account.payment"
                and a.res_id
            )
        )
        payments = self.env["account.payment"].browse(set(checks.mapped("res_id"))).exists()
        payments._ops_check_not_concerned(self.env._("the check of its fund usage"))
