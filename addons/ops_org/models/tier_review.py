# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ops_workflow_mixin import ops_workflow_grant, ops_workflow_granted


class TierReview(models.Model):
    _inherit = "tier.review"

    _ops_decision_methods = ("action_ops_approve", "action_ops_reject")
    _ops_harmless_methods = ("action_ops_open_document",)

    ops_res_name = fields.Char(string="Document", compute="_compute_ops_res_name")
    ops_model_name = fields.Char(string="Type", compute="_compute_ops_res_name")
    ops_activity_ids = fields.One2many(
        "mail.activity", "ops_tier_review_id", string="Approval Activities"
    )
    # The steps of a suite document are always decided in order, whatever
    # its tier definition says (OCA reads this field to move the next step
    # from waiting to pending and to tell who may review now).
    approve_sequence = fields.Boolean(compute="_compute_approve_sequence")

    @api.depends("definition_id.approve_sequence", "model")
    def _compute_approve_sequence(self):
        for review in self:
            review.approve_sequence = review.definition_id.approve_sequence or bool(
                review.model
                and review.model in self.env
                and getattr(self.env[review.model], "_ops_workflow", False)
            )

    @api.depends("model", "res_id")
    def _compute_ops_res_name(self):
        for review in self:
            record = review._ops_record()
            review.ops_res_name = record.sudo().display_name if record else False
            review.ops_model_name = (
                self.env["ir.model"]._get(review.model).name if review.model else False
            )

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + ["review_type"]

    def _get_reviewers(self):
        record = self._ops_record()
        if self.review_type == "ops_department_head":
            return record._ops_department_head_users() if record else self.env["res.users"]
        reviewers = super()._get_reviewers()
        if record is not None:
            concerned = record._ops_concerned_users()
            if not reviewers - concerned:
                # Nobody but the people the document is about could decide:
                # the step goes to Leadership.
                leadership = self.env.ref("ops_org.ops_org_group_leadership").sudo().users
                reviewers |= leadership.filtered(lambda u: not u.share) - concerned
        return reviewers

    # -- reviews change only through the decisions ---------------------------
    #
    # OCA gives every internal user create, write and unlink on tier.review:
    # on the documents of the suite, a review is created, decided and removed
    # only by the decision methods of ``tier.validation`` (which open the
    # grant below after their checks) or by the superuser.

    def _ops_guarded(self, models_=None):
        names = set(models_ or ()) | set(self.sudo().mapped("model"))
        return any(
            getattr(self.env[name], "_ops_workflow", False) if name in self.env else True
            for name in names
        )

    def _ops_check_write_access(self, models_=None):
        if self.env.su or ops_workflow_granted("tier.review"):
            return
        if self._ops_guarded(models_):
            raise AccessError(
                self.env._(
                    "Approval steps are decided with Approve and Reject, never written directly."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._ops_check_write_access([vals.get("model") or "" for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        self._ops_check_write_access([vals["model"]] if vals.get("model") else None)
        return super().write(vals)

    def unlink(self):
        self._ops_check_write_access()
        self.sudo().ops_activity_ids.unlink()
        return super().unlink()

    def _compute_can_review(self):
        # OCA moves the next step from waiting to pending here.
        with ops_workflow_grant("tier.review"):
            return super()._compute_can_review()

    def _send_review_reminder(self):
        with ops_workflow_grant("tier.review"):
            return super()._send_review_reminder()

    def _ops_record(self):
        self.ensure_one()
        if not self.model or self.model not in self.env or not self.res_id:
            return None
        return self.env[self.model].browse(self.res_id).exists() or None

    def _ops_sync_activities(self):
        """Give every reviewer who may decide a pending tier an approval
        activity on the document, and close the activities of tiers that are
        no longer waiting for them (marked done for the one who decided)."""
        activity_type = self.env.ref("ops_org.mail_activity_type_ops_approval")
        Activity = self.env["mail.activity"].sudo()
        for review in self.sudo().exists():
            record = review._ops_record()
            wanted = self.env["res.users"]
            # Reading can_review first runs OCA's compute, which is what moves
            # a newly reachable tier from waiting to pending.
            if (
                record is not None
                and review.can_review
                and review.status == "pending"
                and "activity_ids" in record._fields
            ):
                wanted = review.reviewer_ids - record._ops_concerned_users()
            current = review.ops_activity_ids
            stale = current.filtered(lambda act, users=wanted: act.user_id not in users)
            done = stale.filtered(lambda act, rev=review: act.user_id == rev.done_by)
            keep_users = (current - stale).user_id
            if done:
                done.action_feedback(
                    feedback=review.comment
                    or dict(review._fields["status"]._description_selection(self.env)).get(
                        review.status
                    )
                )
            (stale - done).unlink()
            for user in wanted - keep_users:
                summary = review.with_context(lang=user.lang).env._(
                    "Approve: %(tier)s", tier=review.name or ""
                )
                # Odoo's own assignment notice follows each user's preference
                # (inbox or e-mail); reviewers always get an e-mail instead.
                Activity.with_context(mail_activity_quick_update=True).create(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(review.model),
                        "res_id": review.res_id,
                        "user_id": user.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "date_deadline": fields.Date.context_today(review)
                        + timedelta(days=review.definition_id.ops_deadline_days or 0),
                        "ops_tier_review_id": review.id,
                    }
                )
                record.with_context(lang=user.lang)._ops_send_email(
                    user,
                    f"{summary} - {record.display_name}",
                    Markup("<p>%s</p>")
                    % review.with_context(lang=user.lang).env._(
                        "%(document)s waits for your approval (%(tier)s), requested by "
                        "%(requester)s.",
                        document=record.display_name,
                        tier=review.name or "",
                        requester=", ".join(record._ops_requester_users().mapped("name")),
                    ),
                )

    def _ops_check_reviewer(self):
        for review in self:
            if review._ops_record() is None:
                raise UserError(self.env._("The document of this review no longer exists."))
            if self.env.user not in review.reviewer_ids:
                raise UserError(
                    self.env._(
                        "You are not a reviewer of “%(tier)s” on %(document)s.",
                        tier=review.name,
                        document=review.ops_res_name,
                    )
                )
            if review.status != "pending":
                raise UserError(
                    self.env._(
                        "“%(tier)s” on %(document)s is no longer waiting for a "
                        "decision (it is %(status)s).",
                        tier=review.name,
                        document=review.ops_res_name,
                        status=review.display_status,
                    )
                )

    def action_ops_approve(self):
        for review in self:
            review._ops_check_reviewer()
            review._ops_record()._ops_approve(reviews=review)
        return True

    def action_ops_reject(self):
        self.ensure_one()
        self._ops_check_reviewer()
        # The same guard as the rejection itself, before asking the reason.
        self._ops_record()._ops_check_decision(self)
        return self.env["ops.approval.reject"]._ops_open({"default_review_id": self.id})

    def action_ops_open_document(self):
        self.ensure_one()
        record = self._ops_record()
        if record is None:
            raise UserError(self.env._("The document of this review no longer exists."))
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "views": [(False, "form")],
            "target": "current",
        }
