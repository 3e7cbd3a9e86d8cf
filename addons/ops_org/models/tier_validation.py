# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from markupsafe import Markup, escape

from odoo import models
from odoo.exceptions import UserError


class TierValidation(models.AbstractModel):
    """Approval glue shared by every model of the suite that uses OCA tier
    validation: reviewer activities with Approve and Reject, no
    self-approval, a chatter line per decision, e-mail and messenger
    notifications.

    A model customises it with two class attributes:

    * ``_ops_requester_field``: path to the ``res.users`` who asked (default
      ``create_uid``); they can never approve their own request;
    * ``_ops_department_field``: path to the ``hr.department`` whose head
      reviews tiers of type "Department head of the requester" (default: the
      requester's department);
    * ``_ops_state_validated`` / ``_ops_state_rejected``: the value of the
      state field once every tier approved / a tier rejected (default: leave
      the state alone); ``_ops_on_validated()`` runs after the first.
    """

    _inherit = "tier.validation"

    _ops_requester_field = "create_uid"
    _ops_department_field = False
    _ops_state_validated = False
    _ops_state_rejected = False

    # -- who asks, who decides ---------------------------------------------

    def _ops_requester_users(self):
        users = self.env["res.users"]
        for record in self.sudo():
            users |= record.mapped(self._ops_requester_field)
        return users.sudo(False)

    def _ops_department(self):
        self.ensure_one()
        record = self.sudo()
        if self._ops_department_field:
            return record.mapped(self._ops_department_field)[:1]
        requester = record._ops_requester_users()[:1]
        employee = (
            requester.employee_ids.filtered(lambda emp: emp.company_id == record._get_company())[:1]
            or requester.employee_ids[:1]
        )
        return employee.department_id

    def _ops_department_head_users(self):
        """The head of the requester's department; when the requester heads it
        (or it has no head with a user) the next head up the hierarchy; at the
        top, Leadership."""
        self.ensure_one()
        requesters = self._ops_requester_users()
        department = self._ops_department()
        while department:
            head = department.manager_id.user_id
            if head and head not in requesters:
                return head
            department = department.parent_id
        leadership = self.env.ref("ops_org.ops_org_group_leadership").sudo().users
        return leadership.filtered(lambda u: not u.share) - requesters

    # -- decisions ---------------------------------------------------------

    def _ops_reviews_to_decide(self):
        self.ensure_one()
        sequences = self._get_sequences_to_approve(self.env.user)
        return self.review_ids.filtered(
            lambda r: (
                r.sequence in sequences
                and r.status == "pending"
                and self.env.user in r.reviewer_ids
            )
        )

    def _ops_approve(self, comment=False):
        """Approve every tier now waiting for the current user (one tap)."""
        self.ensure_one()
        reviews = self._ops_lock_reviews(self._ops_reviews_to_decide())
        if comment:
            reviews.write({"comment": comment})
        self._validate_tier(reviews)
        self._update_counter({"review_deleted": True})
        return True

    def _ops_reject(self, reason):
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(self.env._("Give a reason to reject this request."))
        reviews = self._ops_lock_reviews(self._ops_reviews_to_decide())
        reviews.write({"comment": reason})
        self._rejected_tier(reviews)
        self._update_counter({"review_deleted": True})
        return True

    def _ops_lock_reviews(self, reviews):
        """Lock the reviews being decided so that two reviewers acting at once
        give one decision; the second one waits and then finds nothing left."""
        if not reviews:
            raise UserError(
                self.env._(
                    "Nothing on %(document)s is waiting for your approval.",
                    document=self.display_name,
                )
            )
        self._ops_lock(reviews)
        pending = reviews.filtered(lambda r: r.status == "pending")
        if not pending:
            raise UserError(
                self.env._(
                    "%(document)s was decided by someone else in the meantime.",
                    document=self.display_name,
                )
            )
        return pending

    def _ops_lock(self, reviews):
        """Row-lock ``reviews`` and re-read their status: of two reviewers
        deciding at once, the second waits, then sees the first decision."""
        if reviews.ids:
            reviews.flush_recordset()
            self.env.cr.execute(
                "SELECT id FROM tier_review WHERE id IN %s FOR UPDATE", [tuple(reviews.ids)]
            )
            reviews.invalidate_recordset(["status", "can_review", "done_by"])

    def _ops_check_not_own_request(self):
        for record in self:
            if not self.env.su and self.env.user in record._ops_requester_users():
                raise UserError(
                    self.env._(
                        "You cannot approve your own request (%(document)s).",
                        document=record.display_name,
                    )
                )

    def _validate_tier(self, tiers=False):
        self._ops_check_not_own_request()
        self._ops_lock(tiers or self.review_ids)
        pending_before = (tiers or self.review_ids).filtered(lambda r: r.status == "pending")
        res = super()._validate_tier(tiers=tiers)
        decided = pending_before.filtered(lambda r: r.status == "approved")
        if decided:
            self._ops_after_decision(decided, "approved")
        self._ops_apply_outcome()
        return res

    def _rejected_tier(self, tiers=False):
        self._ops_lock(tiers or self.review_ids)
        open_before = (tiers or self.review_ids).filtered(
            lambda r: r.status in ("waiting", "pending")
        )
        res = super()._rejected_tier(tiers=tiers)
        decided = open_before.filtered(lambda r: r.status == "rejected")
        if decided:
            self._ops_after_decision(decided, "rejected")
        self._ops_apply_outcome()
        return res

    def _ops_apply_outcome(self):
        """Move the state of documents whose review is over to the declared
        ``_ops_state_validated`` / ``_ops_state_rejected``."""
        for record in self:
            if record[self._state_field] not in self._state_from:
                continue
            if self._ops_state_validated and record.validation_status == "validated":
                record.sudo().write({self._state_field: self._ops_state_validated})
                record._ops_on_validated()
            elif self._ops_state_rejected and record.validation_status == "rejected":
                record.sudo().write({self._state_field: self._ops_state_rejected})

    def _ops_on_validated(self):
        """Hook: what a document does once every tier approved it."""

    def request_validation(self):
        reviews = super().request_validation()
        # OCA computes need_validation without dependencies: once the reviews
        # exist the cached value is stale, and a decision in the same
        # transaction would request validation again (and again).
        self.invalidate_recordset(["need_validation"])
        reviews._ops_sync_activities()
        for record in self:
            mine = reviews.filtered(lambda r, rec=record: r.res_id == rec.id)
            if mine:
                lang = record._get_company().partner_id.lang or self.env.lang
                _ = record.with_context(lang=lang).env._
                record._ops_notify_webhook(
                    _("Approval requested"),
                    _(
                        "%(document)s waits for: %(reviewers)s",
                        document=record.display_name,
                        reviewers=", ".join(mine.with_context(lang=lang).mapped("todo_by")),
                    ),
                )
        return reviews

    def _update_counter(self, review_counter):
        res = super()._update_counter(review_counter)
        self.review_ids._ops_sync_activities()
        return res

    def _ops_after_decision(self, reviews, decision):
        """Chatter line, e-mail to the requester (in their language),
        messenger webhook (in the company's), and the approval activities
        closed."""
        self.ensure_one()
        reviews._ops_sync_activities()
        title, text, body = self._ops_decision_text(reviews, decision, self.env.lang)
        if hasattr(self, "message_post"):
            self.sudo().message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                author_id=self.env.user.partner_id.id,
            )
        for requester in self._ops_requester_users() - self.env.user:
            title, text, body = self._ops_decision_text(reviews, decision, requester.lang)
            self._ops_send_email(requester, f"{title}: {self.display_name}", body)
        company_lang = self._get_company().partner_id.lang or self.env.lang
        title, text, body = self._ops_decision_text(reviews, decision, company_lang)
        self._ops_notify_webhook(title, f"{self.display_name}: {text}")

    def _ops_decision_text(self, reviews, decision, lang):
        """(title, plain text, html body) of a decision, in ``lang``."""
        reviews = reviews.with_context(lang=lang)
        _ = reviews.env._
        tiers = ", ".join(n for n in reviews.mapped("name") if n)
        user = self.env.user.name
        if decision == "approved":
            title = _("Approved")
            text = _("%(tiers)s approved by %(user)s.", tiers=tiers, user=user)
        else:
            title = _("Rejected")
            text = _("%(tiers)s rejected by %(user)s.", tiers=tiers, user=user)
        body = Markup("<p>%s</p>") % text
        comment = "; ".join(c for c in reviews.mapped("comment") if c)
        if comment:
            body += Markup("<p>%s %s</p>") % (_("Comment:"), escape(comment))
            text = f"{text} {_('Comment:')} {comment}"
        return title, text, body

    # -- notifications -----------------------------------------------------

    def _ops_link(self):
        self.ensure_one()
        base_url = self.get_base_url()
        return f"{base_url}/mail/view?model={self._name}&res_id={self.id}"

    def _ops_send_email(self, users, subject, body):
        """E-mail always, whatever each user's notification preference."""
        self.ensure_one()
        partners = users.partner_id.filtered("email")
        if not partners:
            return self.env["mail.mail"]
        link = self._ops_link()
        html = body + Markup('<p><a href="%s">%s</a></p>') % (
            link,
            self.env._("Open %(document)s", document=self.display_name),
        )
        return (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": subject,
                    "body_html": html,
                    "recipient_ids": [(6, 0, partners.ids)],
                    "model": self._name,
                    "res_id": self.id,
                    "email_from": self.env.user.email_formatted or self.env.company.email_formatted,
                    "auto_delete": True,
                }
            )
        )

    def _ops_notify_webhook(self, title, text):
        self.ensure_one()
        company = self._get_company().sudo()
        return company._ops_webhook_send(title, text, self._ops_link())
