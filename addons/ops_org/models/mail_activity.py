# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ops_workflow_mixin import ops_workflow_granted


class MailActivity(models.Model):
    """An approval activity stands for a step of a review: it is created,
    closed and removed by the review's own decisions (as superuser), never
    by its user marking it done, editing, reassigning or deleting it."""

    _inherit = "mail.activity"

    _ops_decision_methods = ("action_ops_approve", "action_ops_reject")
    # Odoo's assignment notice, made safe for an assignee's unloaded language.
    _ops_harmless_methods = ("action_notify",)

    ops_tier_review_id = fields.Many2one(
        "tier.review", string="Approval", index="btree_not_null", ondelete="cascade"
    )

    def _ops_check_approval_change(self, vals=None):
        if self.env.su or ops_workflow_granted("tier.review"):
            return
        # sudo: only whether the activity stands for a review is read.
        if (vals and vals.get("ops_tier_review_id")) or self.sudo().filtered("ops_tier_review_id"):
            raise AccessError(
                self.env._(
                    "An approval activity closes when its step is decided: use Approve or Reject."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._ops_check_approval_change(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_approval_change(vals)
        return super().write(vals)

    def unlink(self):
        self._ops_check_approval_change()
        return super().unlink()

    def _action_done(self, feedback=False, attachment_ids=None):
        self._ops_check_approval_change()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def action_notify(self):
        # Odoo writes the assignment notice in the assignee's language and
        # fails on one that is not loaded ("Invalid language code"), which
        # would refuse the step or decision creating the activity: such an
        # assignee is told in the company's language (base._ops_lang).
        unloaded = self.filtered(
            lambda a: a.user_id.lang and not self._ops_lang_loaded(a.user_id.lang)
        )
        res = super(MailActivity, self - unloaded).action_notify()
        for activity in unloaded:
            user = activity.user_id
            # The cache only, never the database: for this notice the user
            # reads as speaking the fallback language, then is read again.
            self.env.cache.set(user, user._fields["lang"], self._ops_lang())
            try:
                super(MailActivity, activity).action_notify()
            finally:
                user.invalidate_recordset(["lang"])
        return res

    def _ops_review(self):
        self.ensure_one()
        # Another reviewer's decision on the same step removed this activity
        # (in the meantime, or while this request waited for the lock).
        if not self.exists():
            raise UserError(
                self.env._("This approval was decided by someone else in the meantime.")
            )
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
