# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models
from odoo.exceptions import UserError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    ops_tier_review_id = fields.Many2one(
        "tier.review", string="Approval", index="btree_not_null", ondelete="cascade"
    )

    def _ops_review(self):
        self.ensure_one()
        if not self.ops_tier_review_id:
            raise UserError(self.env._("This activity is not an approval."))
        if self.user_id != self.env.user:
            raise UserError(
                self.env._("Only %(user)s can decide from this activity.", user=self.user_id.name)
            )
        return self.ops_tier_review_id

    def action_ops_approve(self):
        """Approve from the activity: one tap on the phone."""
        self._ops_review().action_ops_approve()
        return True

    def action_ops_reject(self):
        review = self._ops_review()
        return review.action_ops_reject()
