# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ops_workflow_mixin import ops_workflow_grant, ops_workflow_granted


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

    ops_waiting_info = fields.Char(
        string="Waiting At",
        compute="_compute_ops_waiting_info",
        help="The step the document waits at, for whom, since when and by when it is due.",
    )

    def _compute_need_validation(self):
        # OCA's computation in fewer queries on a document's form: one under
        # review already or not in a state awaiting approval needs no
        # validation whatever the tier definitions say (OCA searches and
        # evaluates them first), and the definitions are read in the query
        # that finds them (OCA reads them in another). The same result.
        Definition = self.env["tier.definition"].with_context(active_test=True)
        for rec in self:
            if (
                not isinstance(rec.id, int)
                or rec.review_ids
                or not rec._check_state_from_condition()
            ):
                rec.need_validation = False
                continue
            definitions = Definition.search_fetch(
                [
                    ("model", "=", self._name),
                    ("company_id", "in", [False, *rec._get_company().ids]),
                ],
                ["definition_domain"],
            )
            rec.need_validation = any(rec.evaluate_tier(tier) for tier in definitions)

    @api.depends_context("lang")
    def _compute_next_review(self):
        # OCA's own text ("Next: %s") has no Chinese, and the messages of
        # its Python code can only be translated in its module: the same
        # text from ops_org, which has.
        for rec in self:
            review = rec.review_ids.sorted("sequence").filtered(lambda x: x.status == "pending")[:1]
            rec.next_review = review and self.env._("Next: %(step)s", step=review.name or "")

    @api.depends_context("uid", "lang")
    @api.depends("review_ids.status", "review_ids.ops_response_deadline")
    def _compute_ops_waiting_info(self):
        """What the requester sees on their document: which step it waits
        at, for whom, since when, and whether it is late."""
        now = fields.Datetime.now()
        for record in self:
            info = False
            reviews = (
                record._ops_current_reviews().filtered(lambda r: r.status == "pending")
                if isinstance(record.id, int)
                else record.env["tier.review"]
            )
            if reviews:
                review = reviews[0]
                since = review.ops_pending_since or review.create_date
                hours = (now - since).total_seconds() / 3600 if since else 0.0
                values = {
                    "tier": ", ".join(n for n in reviews.mapped("name") if n),
                    "reviewers": ", ".join(reviews.reviewer_ids.mapped("name")),
                    "duration": record._ops_duration(hours),
                }
                if review.ops_response_deadline and review.ops_response_deadline <= now:
                    info = record.env._(
                        "Waits at “%(tier)s” (%(reviewers)s) for %(duration)s: late, escalated.",
                        **values,
                    )
                else:
                    info = record.env._(
                        "Waits at “%(tier)s” (%(reviewers)s) for %(duration)s.", **values
                    )
            record.ops_waiting_info = info

    def _ops_duration(self, hours):
        if hours < 24:
            return self.env._("%(hours)s h", hours=int(hours))
        return self.env._("%(days)s d %(hours)s h", days=int(hours // 24), hours=int(hours % 24))

    def _add_tier_validation_label(self, node, params):
        # The step the document waits at, and for how long, under OCA's label.
        new_node = super()._add_tier_validation_label(node, params)
        new_node.append(
            etree.fromstring(
                '<div class="alert alert-info mb-0" role="status" '
                'invisible="not ops_waiting_info">'
                '<field name="ops_waiting_info" nolabel="1" class="d-inline"/></div>'
            )
        )
        return new_node

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
        """Reviewers of a step of type "Department head of the requester":
        the manager of the requester (the one rule of
        ``hr.employee._ops_manager_users``) when the document belongs to the
        requester's own department, else the head of the document's
        department walking up; never anyone the document is about; at the
        top, Leadership."""
        self.ensure_one()
        concerned = self._ops_concerned_users()
        department = self._ops_department()
        requester = self._ops_requester_users()[:1]
        # sudo: the requester's employee, only to find their department.
        employee = (
            requester.sudo().employee_ids.filtered(
                lambda emp: emp.company_id == self._get_company()
            )[:1]
            or requester.sudo().employee_ids[:1]
        )
        if employee and employee.department_id == department:
            return employee._ops_manager_users(exclude=concerned)
        return department._ops_head_users(exclude=concerned)

    def _ops_concerned_users(self):
        return super()._ops_concerned_users() | self._ops_requester_users()

    # -- decisions ---------------------------------------------------------
    #
    # For the models of the suite (those taking ``ops.workflow.mixin``) a
    # step is decided only through these methods, whoever calls and however:
    # by a reviewer of the step, never by someone the document is about,
    # the steps in their order (the lowest open sequence first), a rejection
    # with its reason. The reviews themselves are written only inside them
    # (``tier.review`` refuses every other write but the superuser's).
    # Models outside the suite keep OCA's behaviour.

    def _ops_is_suite_document(self):
        return bool(getattr(self, "_ops_workflow", False))

    def _ops_current_reviews(self):
        """The reviews of the step the document waits at: the lowest
        sequence still open."""
        self.ensure_one()
        open_reviews = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        if not open_reviews or self.validation_status == "rejected":
            return self.env["tier.review"]
        first = min(open_reviews.mapped("sequence"))
        return open_reviews.filtered(lambda r: r.sequence == first)

    def _ops_reviews_to_decide(self):
        self.ensure_one()
        return self._ops_current_reviews().filtered(lambda r: self.env.user in r.reviewer_ids)

    def _ops_check_cleared(self):
        """Only a user cleared for the document's level who needs to know it
        decides on it (policy §七): a reviewer given the step before the
        document was classified higher is refused too. The superuser passes."""
        self.ensure_one()
        if self.env.su:
            return
        # sudo: only to read the document's level and need-to-know lists
        # (the user may be unable to read it); only whether the current user
        # is cleared comes out.
        if self.env.user not in self.sudo()._ops_cleared_users(self.env.user):
            raise AccessError(
                self.env._(
                    "You are not cleared for the level of this %(kind)s or do not need to "
                    "know it, so you cannot decide it.",
                    kind=self._ops_kind(),
                )
            )

    def _ops_check_decision(self, reviews):
        """The guard of every tier decision on a document of the suite."""
        self.ensure_one()
        self._ops_check_cleared()
        if not reviews:
            raise UserError(
                self.env._(
                    "Nothing on %(document)s is waiting for your decision.",
                    document=self.display_name,
                )
            )
        if self.env.su:
            return
        self._ops_check_not_concerned(self.env._("an approval step"))
        current = self._ops_current_reviews()
        for review in reviews:
            if review.res_id != self.id or review.model != self._name:
                raise UserError(
                    self.env._(
                        "“%(tier)s” is not a step of %(document)s.",
                        tier=review.name or "",
                        document=self.display_name,
                    )
                )
            if self.env.user not in review.reviewer_ids:
                raise UserError(
                    self.env._(
                        "You are not a reviewer of “%(tier)s” on %(document)s.",
                        tier=review.name or "",
                        document=self.display_name,
                    )
                )
            if review not in current:
                if review.status in ("waiting", "pending"):
                    raise UserError(
                        self.env._(
                            "“%(tier)s” on %(document)s comes after “%(current)s”, "
                            "which is not decided yet: the steps are decided in order.",
                            tier=review.name or "",
                            document=self.display_name,
                            current=", ".join(n for n in current.mapped("name") if n),
                        )
                    )
                raise UserError(
                    self.env._(
                        "“%(tier)s” on %(document)s is no longer waiting for a decision.",
                        tier=review.name or "",
                        document=self.display_name,
                    )
                )

    def _ops_approve(self, comment=False, reviews=None):
        """Approve the step now waiting for the current user (or ``reviews``,
        which must be that step), and the steps right after it that wait
        for them too (one tap)."""
        self.ensure_one()
        self._ops_check_cleared()
        reviews = self._ops_lock_reviews(reviews or self._ops_reviews_to_decide())
        while reviews:
            if comment:
                with ops_workflow_grant("tier.review"):
                    reviews.write({"comment": comment})
            self._validate_tier(reviews)
            self._update_counter({"review_deleted": True})
            if self.validation_status not in ("pending", "waiting"):
                break
            reviews = self._ops_reviews_to_decide().filtered(lambda r: r.status == "pending")
        return True

    def _ops_reject(self, reason, reviews=None):
        self.ensure_one()
        self._ops_check_cleared()
        if not (reason or "").strip():
            raise UserError(self.env._("Give a reason to reject this request."))
        reviews = self._ops_lock_reviews(reviews or self._ops_reviews_to_decide())
        self._ops_check_decision(reviews)
        with ops_workflow_grant("tier.review"):
            reviews.write({"comment": reason.strip()})
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
        pending = reviews.filtered(lambda r: r.status in ("pending", "waiting"))
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
            reviews._ops_lock_rows()

    def validate_tier(self):
        """OCA's approve button, routed through the suite's guard."""
        if not self._ops_is_suite_document():
            return super().validate_tier()
        self.ensure_one()
        self._ops_approve()
        return True

    def reject_tier(self):
        """OCA's reject button: the suite asks for the reason and keeps the
        reviews (OCA rejects without one)."""
        if not self._ops_is_suite_document():
            return super().reject_tier()
        self.ensure_one()
        reviews = self._ops_reviews_to_decide()
        self._ops_check_decision(reviews)
        return self.env["ops.approval.reject"]._ops_open({"default_review_id": reviews[:1].id})

    def _ops_reviews_for_decision(self, tiers):
        """The reviews a decision takes: on a suite document, the step the
        current user may decide (checked by the guard); elsewhere OCA's
        choice, with only "nobody decides their own case" added."""
        self.ensure_one()
        if self._ops_is_suite_document():
            reviews = tiers or self._ops_reviews_to_decide()
            self._ops_lock(reviews)
            reviews = reviews.filtered(lambda r: r.status in ("waiting", "pending"))
            self._ops_check_decision(reviews)
            return reviews, reviews
        self._ops_check_not_concerned(self.env._("an approval step"))
        reviews = tiers or self.review_ids
        self._ops_lock(reviews)
        return tiers, reviews.filtered(lambda r: r.status in ("waiting", "pending"))

    def _validate_tier(self, tiers=False):
        tiers, open_before = self._ops_reviews_for_decision(tiers)
        with ops_workflow_grant("tier.review"):
            res = super()._validate_tier(tiers=tiers)
        decided = open_before.filtered(lambda r: r.status == "approved")
        if decided:
            self._ops_after_decision(decided, "approved")
        self._ops_apply_outcome()
        return res

    def _rejected_tier(self, tiers=False):
        tiers, open_before = self._ops_reviews_for_decision(tiers)
        if (
            self._ops_is_suite_document()
            and not self.env.su
            and not all((r.comment or "").strip() for r in tiers)
        ):
            raise UserError(self.env._("Give a reason to reject this request."))
        with ops_workflow_grant("tier.review"):
            res = super()._rejected_tier(tiers=tiers)
        decided = open_before.filtered(lambda r: r.status == "rejected")
        if decided:
            self._ops_after_decision(decided, "rejected")
        self._ops_apply_outcome()
        return res

    def _allow_to_remove_reviews(self, values):
        # A rejection keeps its reviews (who rejected, why): only a new
        # submission (restart_validation) starts them over.
        if self._ops_is_suite_document():
            return False
        return super()._allow_to_remove_reviews(values)

    def _tier_validation_check_write_allowed(self, vals):
        # OCA lets a ``skip_validation_check`` context key write a document
        # under review; any caller can send a context key over RPC. On suite
        # documents it opens nothing (their own steps write inside the grant).
        if self._ops_is_suite_document() and not self._ops_validation_open():
            self = self.with_context(skip_validation_check=False)
        return super()._tier_validation_check_write_allowed(vals)

    def restart_validation(self):
        if self._ops_is_suite_document() and not self._ops_validation_open():
            self._ops_refuse_validation_call()
        with ops_workflow_grant("tier.review"):
            super().restart_validation()
        return True

    def unlink(self):
        with ops_workflow_grant("tier.review"):
            return super().unlink()

    def _ops_validation_open(self):
        return self.env.su or ops_workflow_granted(self._name)

    def _ops_refuse_validation_call(self):
        raise UserError(
            self.env._(
                "%(document)s is submitted or resubmitted with its own buttons, which check "
                "what the step needs.",
                document=self[:1].display_name or self._description,
            )
        )

    def _ops_close_open_reviews(self):
        """The document left its review another way (refused or cancelled
        with the stock model's own button): its open steps are cancelled, so
        they no longer wait in anyone's approvals, and their activities are
        removed. The decided steps stay as they were."""
        reviews = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        if reviews:
            # sudo: only the open steps of these documents, set to cancelled.
            with ops_workflow_grant("tier.review"):
                reviews.sudo().write({"status": "cancel"})
            reviews._ops_sync_activities()
        return True

    def _ops_request_validation(self):
        """Request the review of ``self`` from a step of the suite."""
        with ops_workflow_grant(self._name):
            return self.request_validation()

    def _ops_restart_validation(self):
        with ops_workflow_grant(self._name):
            return self.restart_validation()

    def _ops_apply_outcome(self):
        """Move the state of documents whose review is over to the declared
        ``_ops_state_validated`` / ``_ops_state_rejected``."""
        for record in self:
            if record[self._state_field] not in self._state_from:
                continue
            # sudo: the reviewer who decided the last step may not write the
            # document; the only values written are the declared outcome.
            if self._ops_state_validated and record.validation_status == "validated":
                with ops_workflow_grant(self._name):
                    record.sudo().write({self._state_field: self._ops_state_validated})
                record._ops_on_validated()
            elif self._ops_state_rejected and record.validation_status == "rejected":
                with ops_workflow_grant(self._name):
                    record.sudo().write({self._state_field: self._ops_state_rejected})

    def _ops_on_validated(self):
        """Hook: what a document does once every tier approved it."""

    def request_validation(self):
        suite = self._ops_is_suite_document()
        if suite and not self._ops_validation_open():
            self._ops_refuse_validation_call()
        with ops_workflow_grant("tier.review"):
            reviews = super().request_validation()
        # OCA computes need_validation without dependencies: once the reviews
        # exist the cached value is stale, and a decision in the same
        # transaction would request validation again (and again).
        self.invalidate_recordset(["need_validation"])
        if suite and not getattr(self, "_ops_allow_no_review", False):
            # Fail closed: a document no step of the authority matrix
            # applies to does not pass.
            for record in self:
                if record._check_state_from_condition() and not record.review_ids:
                    raise UserError(
                        self.env._(
                            "No step of the authority matrix applies to %(document)s "
                            "(%(model)s, %(company)s), so nobody may approve it. Ask an "
                            "administrator to add the missing authority in Operations > "
                            "Configuration > Authority Matrix.",
                            document=record.display_name,
                            model=record._description,
                            company=record._get_company().name,
                        )
                    )
        reviews._ops_sync_activities()
        reviews._ops_tell_officers()
        for record in self:
            mine = reviews.filtered(lambda r, rec=record: r.res_id == rec.id)
            if mine:
                lang = self._ops_lang(record._get_company().partner_id.lang)
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
        """Chatter line, a notification to the requester (``_ops_notify``:
        inbox or e-mail as they prefer, in their language), messenger
        webhook (in the company's), and the approval activities closed."""
        self.ensure_one()
        reviews._ops_sync_activities()
        title, text, body = self._ops_decision_text(reviews, decision, self.env.lang)
        if hasattr(self, "message_post"):
            self.sudo().message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                author_id=self.env.user.partner_id.id,
            )
            # sudo: the reviews of the decision, only to tell whether the user
            # decided in the place of reviewers who were late.
            late = reviews.sudo().filtered(lambda r: self.env.user in r.ops_escalated_user_ids)
            if late:
                self.sudo().message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "%(user)s (Leadership) decided “%(tier)s” in the place of its reviewers, "
                        "who had not decided it in time.",
                        user=self.env.user.name,
                        tier=", ".join(n for n in late.mapped("name") if n),
                    ),
                    subtype_xmlid="mail.mt_note",
                )

        def decision_message(record, users):
            # A requester no longer cleared for the document (its level rose)
            # reads the decision without its name or the reviewer's comment.
            title, _text, body = record._ops_decision_text(
                reviews, decision, record.env.lang, with_comment=record._ops_named_to(users)
            )
            return f"{title}: {record._ops_name_for(users)}", body

        self._ops_notify_users(self._ops_requester_users() - self.env.user, decision_message)
        company_lang = self._ops_lang(self._get_company().partner_id.lang)
        title, text, body = self._ops_decision_text(reviews, decision, company_lang)
        self._ops_notify_webhook(title, f"{self.display_name}: {text}")

    def _ops_decision_text(self, reviews, decision, lang, with_comment=True):
        """(title, plain text, html body) of a decision, in ``lang``; the
        reviewer's comment left out unless ``with_comment``."""
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
        comment = with_comment and "; ".join(c for c in reviews.mapped("comment") if c)
        if comment:
            body += Markup("<p>%s %s</p>") % (_("Comment:"), escape(comment))
            text = f"{text} {_('Comment:')} {comment}"
        return title, text, body

    # -- notifications -----------------------------------------------------
    #
    # What leaves the document (e-mails, activities, the messenger) names it
    # only to people cleared for it (policy §七, SPEC §5.1): to others it is
    # "a <kind of document>" and its link, which opens only for its readers.

    def _ops_kind(self):
        """The kind of document ``self`` is (its model's name, in the
        context's language)."""
        # sudo: only the label of the model is read.
        return self.env["ir.model"].sudo()._get(self._name).name or self._description

    def _ops_named_to(self, users):
        """Whether ``self`` may be named to every one of ``users``: it is not
        classified above internal, or they are all cleared for its level and
        need to know it."""
        self.ensure_one()
        # sudo: only to read the document's level and need-to-know lists;
        # only a yes or no comes out.
        record = self.sudo()
        return record._ops_classified_rank() < 2 or record._ops_cleared_users(users) == users

    def _ops_name_for(self, users):
        """The name of ``self`` to show to ``users``: its display name when
        every one of them is cleared for it, else only its kind."""
        self.ensure_one()
        if not self._ops_named_to(users):
            return self._ops_kind()
        # sudo: the display name, for users cleared for the document.
        return self.sudo().display_name

    def _ops_link(self):
        self.ensure_one()
        base_url = self.get_base_url()
        return f"{base_url}/mail/view?model={self._name}&res_id={self.id}"

    def _ops_notify_users(self, users, compose):
        """Tell each of ``users`` once of ``self`` (``_ops_notify``), in their
        own language: one message per language and per whether they may be
        told the document's name. ``compose(record, users)`` gives the
        ``(subject, html body)`` for such a group, ``record`` being ``self``
        in the group's language; it names the document with
        ``record._ops_name_for(users)``."""
        self.ensure_one()
        groups = {}
        for user in users:
            key = (self._ops_lang(user.lang), self._ops_named_to(user))
            groups[key] = groups.get(key, self.env["res.users"]) | user
        for (lang, _named), group in groups.items():
            record = self.with_context(lang=lang)
            subject, body = compose(record, group)
            record._ops_notify(group, subject, body)

    def _ops_notify(self, users, subject, body):
        """Tell ``users`` of ``self`` as Odoo tells of a message
        (``message_notify``): one notification each, in their Discuss inbox
        and the mobile app or by e-mail as each prefers (``notification_type``
        of their user), e-mails queued. The text is in the context's
        language.

        When every one of ``users`` may be told the document's name the
        message is on the document, which it links to as Odoo's
        notifications do, and carries its name. Otherwise (a confidential or
        secret document they are not cleared for) it is on no document:
        Odoo shows the name of a message's document to whoever reads the
        message, so it names only the kind of document and carries the
        document's link, which opens only for its readers. A document
        without a chatter is e-mailed about (``_ops_send_email``)."""
        self.ensure_one()
        if not users:
            return self.env["mail.message"]
        if not hasattr(self, "message_notify"):
            return self._ops_send_email(users, subject, body)
        values = {
            "partner_ids": users.partner_id.ids,
            "subject": subject,
            "author_id": self.env.user.partner_id.id,
            "email_from": self.env.user.email_formatted or self.env.company.email_formatted or None,
            # Stored on the message, shown by the e-mail and the push
            # notification: the name only for those cleared for it.
            "record_name": self._ops_name_for(users),
            # Sent by Odoo's mail queue, after the decision is committed.
            "force_send": False,
        }
        if self._ops_named_to(users):
            # sudo: the acting user (the requester, the reviewer who decided
            # the step before, or the escalation job) may not write the
            # document. The message goes only to ``users``, every one cleared
            # for it; besides them only its author (the acting user, who just
            # acted on the document) and the document's readers read it.
            return self.sudo().message_notify(body=body, **values)
        body += Markup('<p><a href="%s">%s</a></p>') % (
            self._ops_link(),
            self.env._("Open %(document)s", document=self._ops_kind()),
        )
        # sudo: a message on no document, read only by ``users`` and its
        # author; it names only the kind of document and its link.
        return self.env["mail.thread"].sudo().message_notify(body=body, **values)

    def _ops_send_email(self, users, subject, body):
        """E-mail always, whatever each user's notification preference: for
        documents without a chatter (``_ops_notify``)."""
        self.ensure_one()
        partners = users.partner_id.filtered("email")
        if not partners:
            return self.env["mail.mail"]
        link = self._ops_link()
        html = body + Markup('<p><a href="%s">%s</a></p>') % (
            link,
            self.env._("Open %(document)s", document=self._ops_name_for(users)),
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
        """Post ``title`` and ``text`` with the document's link to the
        company's messenger (an outside service). For a confidential or
        secret document only the kind of document that waits goes out,
        never its name, the reviewers or a comment."""
        self.ensure_one()
        company = self._get_company().sudo()
        # sudo: only to read the document's level.
        if self.sudo()._ops_classified_rank() >= 2:
            lang = self._ops_lang(company.partner_id.lang)
            text = self.with_context(lang=lang)._ops_kind()
        return company._ops_webhook_send(title, text, self._ops_link())
