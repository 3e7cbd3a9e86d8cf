# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .ops_workflow_mixin import ops_workflow_grant, ops_workflow_granted


class TierReview(models.Model):
    _inherit = "tier.review"

    _ops_decision_methods = ("action_ops_approve", "action_ops_reject")
    _ops_harmless_methods = ("action_ops_open_document",)

    ops_res_name = fields.Char(string="Document", compute="_compute_ops_res_name")
    # The document's name when the step was given, for the list of approvals
    # (as Odoo stores an activity's res_name); never read by users directly:
    # ops_res_name shows it to those who may read the document.
    ops_document_name = fields.Char(
        string="Document Name",
        compute="_compute_ops_document_name",
        store=True,
        groups="base.group_system",
    )
    ops_model_name = fields.Char(string="Type", compute="_compute_ops_res_name")
    # Whether the current user may read the document of the review (whoever
    # does reads the review too, see ``_search``).
    ops_document_readable = fields.Boolean(
        string="Document Readable",
        compute="_compute_ops_document_readable",
        search="_search_ops_document_readable",
    )
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
    def _compute_ops_document_name(self):
        by_model = {}
        for review in self:
            if review.model in self.env and review.res_id:
                by_model.setdefault(review.model, set()).add(review.res_id)
        names = {}
        for model, ids in by_model.items():
            # sudo: the name is stored for the list of approvals and shown
            # (ops_res_name) only to users who may read the document.
            documents = self.env[model].sudo().with_context(active_test=False).browse(ids).exists()
            names.update(((model, d.id), d.display_name) for d in documents)
        for review in self:
            review.ops_document_name = names.get((review.model, review.res_id), False)

    @api.depends("model", "res_id", "ops_document_name")
    @api.depends_context("uid")
    def _compute_ops_res_name(self):
        readable = self._ops_readable_documents()
        kinds = {
            model: self.env["ir.model"]._get(model).name
            for model in set(self.mapped("model"))
            if model
        }
        # sudo: the stored names, read once for the page and shown only to the
        # users the check above found may read the document, as its form would.
        names = dict(zip(self._ids, self.sudo().mapped("ops_document_name"), strict=True))
        for review in self:
            kind = kinds.get(review.model) or False
            review.ops_model_name = kind
            name = names.get(review._ids[0])
            if not name:
                review.ops_res_name = False
            elif (review.model, review.res_id) in readable:
                review.ops_res_name = name
            else:
                # A reviewer or the requester who may not read the document
                # (or no longer): its kind, never its name.
                review.ops_res_name = self.env._(
                    "Confidential item (%(kind)s)", kind=kind or review.model
                )

    @api.depends("model", "res_id")
    @api.depends_context("uid")
    def _compute_ops_document_readable(self):
        readable = self._ops_readable_documents()
        for review in self:
            review.ops_document_readable = (review.model, review.res_id) in readable

    def _ops_readable_documents(self):
        """``{(model, res_id)}`` of the documents of ``self`` the current
        user may read."""
        if self.env.su:
            return {(review.model, review.res_id) for review in self}
        ids_by_model = {}
        for review in self:
            if review.model and review.res_id:
                ids_by_model.setdefault(review.model, set()).add(review.res_id)
        return self._ops_readable(ids_by_model)

    @api.model
    def _ops_readable(self, ids_by_model):
        """``{(model, res_id)}`` of the documents the current user may read
        (their access rights and record rules, archived ones included), of
        ``{model: res_ids}``: one query per model."""
        readable = set()
        for model, res_ids in ids_by_model.items():
            if model not in self.env or self.env[model]._abstract:
                continue
            documents = self.env[model].with_context(active_test=False).browse(res_ids).exists()
            readable.update((model, res_id) for res_id in documents._filtered_access("read")._ids)
        return readable

    @api.model
    def _search_ops_document_readable(self, operator, value):
        """The reviews whose document the current user may read: one query
        for the models that have reviews, then one subquery per model built
        from that model's own search as the current user (its access rules
        and record rules), without reading any row in Python."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on whether a document is readable."))
        positive = (operator == "=") == value
        # Record rules are applied as superuser (Odoo evaluates their
        # domains with ``sudo()``): the documents are searched as the user
        # behind it, with their own access rights and rules.
        env = self.sudo(False).env
        self.flush_model(["model", "res_id"])
        self.env.cr.execute(SQL("SELECT DISTINCT model FROM tier_review WHERE model IS NOT NULL"))
        parts = []
        for (model,) in self.env.cr.fetchall():
            if model not in env or env[model]._abstract:
                continue
            if not env["ir.model.access"].check(model, "read", raise_exception=False):
                continue
            query = env[model].with_context(active_test=False)._search([])
            parts.append(
                SQL(
                    "(%s = %s AND %s IN %s)",
                    SQL.identifier("tier_review", "model"),
                    model,
                    SQL.identifier("tier_review", "res_id"),
                    query.subselect(),
                )
            )
        if not parts:
            return [(0, "=", 1)] if positive else [(1, "=", 1)]
        # Correlated with the review being tested: PostgreSQL looks at the
        # documents only for the reviews the rest of the domain kept.
        subquery = SQL(
            "(SELECT %s WHERE %s)",
            SQL.identifier("tier_review", "id"),
            SQL(" OR ").join(parts),
        )
        return [("id", "in" if positive else "not in", subquery)]

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + ["review_type"]

    def _get_reviewers(self):
        return self._ops_reviewers()[0]

    def _ops_reviewers(self):
        """``(reviewers, fell_back)`` of the step: those of its definition
        (or the requester's department head), Leadership when only the
        people the document is about could decide, and only those cleared
        for the document's level who need to know (``_ops_cleared_users``).
        When none of them is cleared, the step goes to the Leadership members
        ``_ops_fallback_reviewers`` allows (cleared for the level) and
        ``fell_back`` is true: the confidentiality officers are told
        (:meth:`_ops_tell_officers`)."""
        record = self._ops_record()
        if self.review_type == "ops_department_head":
            reviewers = record._ops_department_head_users() if record else self.env["res.users"]
        else:
            reviewers = super()._get_reviewers()
        if record is None:
            return reviewers, False
        concerned = record._ops_concerned_users()
        if self.review_type != "ops_department_head" and not reviewers - concerned:
            # Nobody but the people the document is about could decide:
            # the step goes to Leadership.
            reviewers |= self._ops_leadership_users() - concerned
        cleared = record._ops_cleared_users(reviewers)
        if cleared - concerned or not reviewers - concerned:
            return cleared, False
        return record._ops_fallback_reviewers(self._ops_leadership_users() - concerned), True

    def _ops_leadership_users(self):
        # sudo: the members of a group, only to give them a step.
        group = self.env.ref("ops_org.ops_org_group_leadership").sudo()
        return group.users.filtered(lambda u: not u.share).sudo(False)

    def _ops_tell_officers(self):
        """Tell the confidentiality officers of the steps of ``self`` whose
        own reviewers are not cleared for the document (they went to
        Leadership, or to nobody): the step, the kind of document and its
        link, never its name (officers need not know it either)."""
        if not self._ops_officer_users():
            return
        for review in self.sudo():
            record = review._ops_record()
            if (
                record is None
                or record._ops_classified_rank() < 2
                or not review._ops_reviewers()[1]
            ):
                continue
            lang = record._get_company().partner_id.lang or self.env.lang
            _ = review.with_context(lang=lang).env._
            kind = self.env["ir.model"].with_context(lang=lang)._get(review.model).name
            reviewers = ", ".join(review.reviewer_ids.mapped("name")) or _("nobody")
            self._ops_notify_officers(
                _("Approval step without a cleared reviewer: %(tier)s", tier=review.name or ""),
                _(
                    "None of the reviewers of the step “%(tier)s” of a %(kind)s is cleared "
                    "for its level or needs to know it: the step went to %(reviewers)s. "
                    "Check who needs to know it.",
                    tier=review.name or "",
                    kind=kind,
                    reviewers=reviewers,
                ),
                record._ops_link() if hasattr(record, "_ops_link") else "",
            )

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

    # -- who reads a review -----------------------------------------------------
    #
    # Policy §七, SPEC §5.1: a review names its document and who asked (a
    # colleague's sick leave, a secret project's gate), and OCA lets every
    # internal user read every review. As Odoo does for activities and
    # messages (``mail.activity._search``), a review is shown to its
    # reviewers and its requester, and to whoever may read its document —
    # checked in one query for the page plus one per model of document.

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        table = self._table
        reviewers = self._fields["reviewer_ids"]
        uid = self.env.uid
        own = SQL(
            "(%s = %s OR EXISTS (SELECT 1 FROM %s WHERE %s = %s AND %s = %s))",
            SQL.identifier(table, "requested_by"),
            uid,
            SQL.identifier(reviewers.relation),
            SQL.identifier(reviewers.relation, reviewers.column1),
            SQL.identifier(table, "id"),
            SQL.identifier(reviewers.relation, reviewers.column2),
            uid,
        )
        rows = self.env.execute_query(
            query.select(
                SQL.identifier(table, "id"),
                SQL.identifier(table, "model"),
                SQL.identifier(table, "res_id"),
                own,
            )
        )
        to_check = {}
        for __, model, res_id, is_own in rows:
            if not is_own and model and res_id:
                to_check.setdefault(model, set()).add(res_id)
        readable = self._ops_readable(to_check)
        allowed = self.browse(
            id_ for id_, model, res_id, is_own in rows if is_own or (model, res_id) in readable
        )
        return allowed._as_query(order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or operation != "read" or self.env.su or not self:
            return result
        ids = [i for i in self._ids if isinstance(i, int)]
        visible = set(self.browse(ids)._search([("id", "in", ids)]))
        forbidden = self.browse(i for i in ids if i not in visible)
        if not forbidden:
            return None
        return forbidden, lambda: AccessError(
            self.env._(
                "An approval step is read by its reviewers, its requester and those who may "
                "read its document."
            )
        )

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
                # Only reviewers cleared for the document: its level may have
                # risen since the step was given (SPEC §5.1).
                wanted = record._ops_cleared_users(
                    review.reviewer_ids - record._ops_concerned_users()
                )
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
                document = record.with_context(lang=user.lang)._ops_name_for(user)
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
                    f"{summary} - {document}",
                    Markup("<p>%s</p>")
                    % review.with_context(lang=user.lang).env._(
                        "%(document)s waits for your approval (%(tier)s), requested by "
                        "%(requester)s.",
                        document=document,
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
