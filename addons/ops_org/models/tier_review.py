# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models, tools
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
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
    # Whether the current user asked for the step or is one of its reviewers
    # (they read it whatever its document). ``_search`` puts it in the cache
    # for the rows it finds so that reading them does not search again; it
    # is dropped from the cache as soon as the requester or the reviewers
    # change.
    ops_own = fields.Boolean(string="Mine", compute="_compute_ops_own")
    ops_activity_ids = fields.One2many(
        "mail.activity", "ops_tier_review_id", string="Approval Activities"
    )
    # Response times (policy: 及时 — promptly): when the step began waiting
    # for its reviewers, by when they decide (the definition's response time
    # on the company calendar), and how far a late step went: reminded (1),
    # given to the reviewers' own heads (2), to Leadership (3), who then
    # review it too (``ops_escalated_user_ids``) and may decide in their place.
    ops_pending_since = fields.Datetime(string="Waiting Since", readonly=True, copy=False)
    ops_response_deadline = fields.Datetime(
        string="Decide By", readonly=True, copy=False, index=True
    )
    ops_escalation_level = fields.Integer(string="Escalation", readonly=True, copy=False)
    ops_escalated_user_ids = fields.Many2many(
        "res.users",
        "tier_review_ops_escalated_user_rel",
        "review_id",
        "user_id",
        string="Escalated To",
        readonly=True,
        copy=False,
        help="Leadership members given the step because its reviewers did not decide "
        "in time; they may decide in their place.",
    )
    ops_is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_ops_is_overdue", search="_search_ops_is_overdue"
    )
    # The steps of a suite document are always decided in order, whatever
    # its tier definition says (OCA reads this field to move the next step
    # from waiting to pending and to tell who may review now).
    approve_sequence = fields.Boolean(compute="_compute_approve_sequence")

    @api.private
    def init(self):
        res = super().init()
        # The pending steps in the order of the lists of approvals ("Waiting
        # for me" pages them): read in order, whatever the number of decided
        # steps kept.
        tools.create_index(
            self.env.cr,
            "tier_review_ops_pending_idx",
            self._table,
            ["sequence", "id"],
            where="status = 'pending'",
        )
        return res

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
    @api.depends_context("uid", "lang")
    def _compute_ops_res_name(self):
        names = self._ops_page_names()
        values = [
            names.get(getattr(review_id, "origin", review_id), (False, False))
            for review_id in self._ids
        ]
        self._ops_set_names([name for name, __ in values], [readable for __, readable in values])

    def _ops_set_names(self, names, readable):
        """Put in the cache the document's name (``names``, the stored one)
        or, where the matching ``readable`` is false, its kind only, and the
        kind of each review of ``self``."""
        lang = self.env.lang or "en_US"
        models_ = self.mapped("model")
        kinds = {model: model and self._ops_kind_name(model, lang) for model in set(models_)}
        res_names = []
        for name, is_readable, model in zip(names, readable, models_, strict=True):
            if not name or is_readable:
                res_names.append(name or False)
            else:
                # A reviewer or the requester who may not read the document
                # (or no longer): its kind, never its name.
                res_names.append(
                    self.env._("Confidential item (%(kind)s)", kind=kinds[model] or model)
                )
        # The values of the page set at once (one per review, as assigning
        # each would, without the per-record overhead).
        self.env.cache.update(self, self._fields["ops_res_name"], res_names)
        self.env.cache.update(
            self, self._fields["ops_model_name"], [kinds[model] or False for model in models_]
        )

    @api.depends("status", "ops_response_deadline")
    def _compute_ops_is_overdue(self):
        now = fields.Datetime.now()
        for review in self:
            review.ops_is_overdue = bool(
                review.status == "pending"
                and review.ops_response_deadline
                and review.ops_response_deadline <= now
            )

    def _search_ops_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue approval steps."))
        domain = [
            ("status", "=", "pending"),
            ("ops_response_deadline", "<=", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("requested_by", "reviewer_ids")
    @api.depends_context("uid")
    def _compute_ops_own(self):
        user = self.env.user
        for review in self:
            review.ops_own = review.requested_by == user or user in review.reviewer_ids

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
    @tools.ormcache("model", "lang")
    def _ops_kind_name(self, model, lang):
        """The name of the kind of document ``model`` in ``lang``. sudo: a
        model's name is the label of a kind of document, the same for every
        user (as ``ir.model._get`` returns it)."""
        return self.env["ir.model"].sudo().with_context(lang=lang)._get(model).name or model

    def _ops_page_names(self):
        """``{review id: (stored document name, readable)}`` for the reviews
        of ``self`` (a page of a list). As Odoo shows an activity's document
        name to its assignee, the name is shown to the reviewers of a pending
        step: they were given it because they may decide it, cleared for the
        document's level and on its need-to-know list, and are taken off it
        when that changes (``_ops_withdraw_activities``). Everyone else (the
        requester, the reviewers of a decided step, readers) sees it only if
        they may read the document now. One query for the page, plus one for
        the documents when some rows are not the user's pending steps."""
        ids = tuple(i for i in self._origin._ids if isinstance(i, int))
        if not ids:
            return {}
        self.flush_model(["model", "res_id", "ops_document_name", "status", "reviewer_ids"])
        reviewers = self._fields["reviewer_ids"]
        # The stored name is read here for the page and returned only with
        # whether the user may see it; callers show it only then.
        rows = self.env.execute_query(
            SQL(
                """SELECT r.id, r.model, r.res_id, r.ops_document_name,
                          r.status = 'pending' AND EXISTS (
                              SELECT 1 FROM %s rel WHERE rel.%s = r.id AND rel.%s = %s)
                     FROM tier_review r WHERE r.id IN %s""",
                SQL.identifier(reviewers.relation),
                SQL.identifier(reviewers.column1),
                SQL.identifier(reviewers.column2),
                self.env.uid,
                ids,
            )
        )
        to_check = {}
        if not self.env.su:
            for __, model, res_id, __, pending_own in rows:
                if not pending_own and model and res_id:
                    to_check.setdefault(model, set()).add(res_id)
        readable = self._ops_readable(to_check) if to_check else set()
        return {
            id_: (name, self.env.su or pending_own or (model, res_id) in readable)
            for id_, model, res_id, name, pending_own in rows
        }

    @api.model
    def _ops_readable_condition(self, models_):
        """SQL condition on a row of ``tier_review``: the current user may
        read its document (their access rights and the model's record rules
        as its own search applies them, archived documents included), for
        documents of ``models_``; one correlated subquery per model, so that
        PostgreSQL looks only at the documents of the rows it tests."""
        # Record rules are applied as superuser (Odoo evaluates their
        # domains with ``sudo()``): the documents are searched as the user
        # behind it, with their own access rights and rules.
        env = self.sudo(False).env
        parts = []
        for model in sorted(models_):
            if model not in env or env[model]._abstract:
                continue
            if not env["ir.model.access"].check(model, "read", raise_exception=False):
                continue
            query = env[model].with_context(active_test=False)._search([])
            query.add_where(
                SQL(
                    "%s = %s",
                    SQL.identifier(query.table, "id"),
                    SQL.identifier("tier_review", "res_id"),
                )
            )
            parts.append(
                SQL(
                    "(%s = %s AND EXISTS(%s))",
                    SQL.identifier("tier_review", "model"),
                    model,
                    query.select(SQL("1")),
                )
            )
        return SQL("(%s)", SQL(" OR ").join(parts)) if parts else SQL("FALSE")

    @api.model
    def _ops_readable(self, ids_by_model):
        """``{(model, res_id)}`` of the documents the current user may read
        (their access rights and record rules, archived ones included), of
        ``{model: res_ids}``: one query per model, the record rules applied
        in SQL by the model's own search as the current user (as a list of
        the model would), no document row read in Python."""
        readable = set()
        env = self.sudo(False).env
        for model, res_ids in ids_by_model.items():
            if model not in env or env[model]._abstract:
                continue
            if not env["ir.model.access"].check(model, "read", raise_exception=False):
                continue
            query = (
                env[model].with_context(active_test=False)._search([("id", "in", list(res_ids))])
            )
            readable.update((model, res_id) for res_id in query)
        return readable

    @api.model
    def _search_ops_document_readable(self, operator, value):
        """The reviews whose document the current user may read: one query
        for the models that have reviews, then one correlated subquery per
        model built from that model's own search as the current user,
        without reading any row in Python."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on whether a document is readable."))
        positive = (operator == "=") == value
        self.flush_model(["model", "res_id"])
        self.env.cr.execute(SQL("SELECT DISTINCT model FROM tier_review WHERE model IS NOT NULL"))
        condition = self._ops_readable_condition({model for (model,) in self.env.cr.fetchall()})
        subquery = SQL(
            "(SELECT %s WHERE %s)",
            SQL.identifier("tier_review", "id"),
            condition,
        )
        return [("id", "in" if positive else "not in", subquery)]

    @api.model
    def _get_reviewer_fields(self):
        return super()._get_reviewer_fields() + ["review_type", "ops_escalated_user_ids"]

    def _get_reviewers(self):
        reviewers = self._ops_reviewers()[0]
        escalated = self.ops_escalated_user_ids
        record = self._ops_record() if escalated else None
        if record is not None:
            # Leadership given a late step decides in its reviewers' place,
            # if they may know the document and it is not about them.
            reviewers |= record._ops_cleared_users(escalated - record._ops_concerned_users())
        return reviewers

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
        return self._ops_group_users("ops_org.ops_org_group_leadership")

    def _ops_rechoose_reviewers(self):
        """Choose the reviewers of these open steps again by their rule (who
        may know the document now, Leadership escalated to) and move their
        approval activities accordingly."""
        with ops_workflow_grant("tier.review"):
            self._compute_reviewer_ids()
        self._ops_sync_activities()

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
            lang = self._ops_lang(record._get_company().partner_id.lang)
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
        if self.env.su or self._ops_only_own(domain):
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
        own = self.browse(id_ for id_, __, __, is_own in rows if is_own)
        self.env.cache.update(own, self._fields["ops_own"], [True] * len(own))
        return allowed._as_query(order)

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        mine = set() if self.env.su else self._ops_only_own(domain)
        if not mine:
            return super().search_fetch(domain, field_names, offset, limit, order)
        # The user's own steps (see ``_ops_only_own``), as the list "Waiting
        # for me" asks: one query, as Odoo's ``search_fetch`` makes, with the
        # stored names of the documents when the page shows them.
        query = self._search(domain, offset=offset, limit=limit, order=order or self._order)
        if query.is_empty():
            return self.browse()
        # The company, which the multi-company rule checks when they are read.
        fields_to_fetch = self._determine_fields_to_fetch([*field_names, "company_id"])
        pending_reviewer = "pending_reviewer" in mine and "ops_res_name" in field_names
        if pending_reviewer:
            fields_to_fetch.append(self._fields["ops_document_name"])
        # sudo: the rows are those of the user's own search (the query above,
        # built with their access rules); it only lets the stored names be
        # fetched with them, shown as ``_ops_page_names`` would show them.
        records = self.sudo()._fetch_query(query, fields_to_fetch).sudo(False)
        cache = self.env.cache
        # Reading them needs no second search (``_check_access``).
        cache.update(records, self._fields["ops_own"], [True] * len(records))
        if pending_reviewer:
            # Their reviewers see the names of the documents of pending
            # steps (``_ops_page_names``): set for the page from this query.
            names = records.sudo().mapped("ops_document_name")
            records._ops_set_names(names, [True] * len(records))
        return records

    @api.model
    def _ops_only_own(self, domain):
        """What ``domain`` keeps of the current user's steps: ``{"own"}``
        when it is a conjunction of which one term is that they are a
        reviewer or the requester (as "Waiting for me" is), plus
        ``"pending_reviewer"`` when the terms keep only pending steps they
        review; an empty set otherwise. Such a search needs no check of the
        documents: PostgreSQL counts and pages it alone."""
        domain = expression.normalize_domain(list(domain or []))
        if any(term in (expression.OR_OPERATOR, expression.NOT_OPERATOR) for term in domain):
            return set()
        uid = self.env.uid
        reviewer = requester = pending = False
        for term in domain:
            if not expression.is_leaf(term) or term == expression.TRUE_LEAF:
                continue
            name, operator, value = term
            if name == "reviewer_ids" and (
                (operator == "in" and isinstance(value, list | tuple) and list(value) == [uid])
                or (operator == "=" and value == uid)
            ):
                reviewer = True
            elif name == "requested_by" and operator == "=" and value == uid:
                requester = True
            elif name == "status" and operator == "=" and value == "pending":
                pending = True
        if not (reviewer or requester):
            return set()
        return {"own", "pending_reviewer"} if reviewer and pending else {"own"}

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or operation != "read" or self.env.su or not self:
            return result
        ids = [i for i in self._ids if isinstance(i, int)]
        # The rows the user's own search just found theirs need no search.
        field, cache = self._fields["ops_own"], self.env.cache
        ids = [i for i in ids if not cache.get(self.browse(i), field, False)]
        if not ids:
            return None
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
                if not review.ops_pending_since:
                    review._ops_start_clock(record)
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
            new_users = wanted - keep_users
            for user in new_users:
                lang = self._ops_lang(user.lang)
                summary = review.with_context(lang=lang).env._(
                    "Approve: %(tier)s", tier=review.name or ""
                )
                # Quietly: the reviewers are told once, below, not by Odoo's
                # assignment notice as well.
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
            if new_users:
                # In the Odoo inbox (and the mobile app) or by e-mail, as each
                # reviewer prefers.
                record._ops_notify_users(new_users, review._ops_request_message)

    def _ops_request_message(self, record, users):
        """``(subject, html body)`` telling ``users`` that ``record`` waits
        for their decision at this step, in ``record``'s language."""
        self.ensure_one()
        _ = self.with_context(lang=record.env.lang).env._
        tier = self.with_context(lang=record.env.lang).name or ""
        document = record._ops_name_for(users)
        body = Markup("<p>%s</p>") % _(
            "%(document)s waits for your approval (%(tier)s), requested by %(requester)s.",
            document=document,
            tier=tier,
            requester=", ".join(record._ops_requester_users().mapped("name")),
        )
        summary = _("Approve: %(tier)s", tier=tier)
        return f"{summary} - {document}", body

    def _ops_start_clock(self, record):
        """The step waits for its reviewers from now: its deadline is the
        definition's response time later on the company's calendar."""
        self.ensure_one()
        now = fields.Datetime.now()
        company = record._get_company()
        calendar = company._ops_working_calendar()
        hours = self.definition_id._ops_response_hours(calendar) if self.definition_id else 0
        with ops_workflow_grant("tier.review"):
            self.write(
                {
                    "ops_pending_since": now,
                    "ops_response_deadline": company._ops_plan_hours(now, hours),
                    "ops_escalation_level": 0,
                }
            )

    # -- late steps ----------------------------------------------------------

    @api.model
    def _cron_ops_escalate(self):
        """Hourly: a pending step past its deadline reminds its reviewers
        once; one response time later it goes to their own heads (an
        activity), one more and Leadership reviews it too. Idempotent: the
        level reached is stored under a row lock."""
        now = fields.Datetime.now()
        reviews = self.search(
            [
                ("status", "=", "pending"),
                ("ops_response_deadline", "<=", now),
                ("ops_escalation_level", "<", 3),
            ]
        )
        for review in reviews:
            review._ops_escalate(now)
        return True

    def _ops_escalate(self, now):
        self.ensure_one()
        record = self._ops_record()
        if record is None or self.status != "pending" or not self.ops_response_deadline:
            return
        company = record._get_company()
        interval = self.definition_id._ops_response_hours(company._ops_working_calendar()) or 8.0
        reached = company._ops_escalation_reached(self.ops_response_deadline, interval, 3, now)
        self._ops_lock_rows()
        if self.status != "pending" or reached <= self.ops_escalation_level:
            return
        for level in range(self.ops_escalation_level + 1, reached + 1):
            self._ops_escalate_to(level, record)
        with ops_workflow_grant("tier.review"):
            self.write({"ops_escalation_level": reached})
        self._ops_sync_activities()

    def _ops_escalate_to(self, level, record):
        reviewers = record._ops_cleared_users(self.reviewer_ids - self.ops_escalated_user_ids)
        since = fields.Datetime.to_string(self.ops_pending_since or self.create_date)
        if level == 1:

            def reminder(rec, users):
                _ = self.with_context(lang=rec.env.lang).env._
                tier = self.with_context(lang=rec.env.lang).name or ""
                document = rec._ops_name_for(users)
                subject = _("Reminder: %(tier)s - %(document)s", tier=tier, document=document)
                body = Markup("<p>%s</p>") % _(
                    "%(document)s has waited for your decision (%(tier)s) since %(since)s; "
                    "it was due by %(deadline)s.",
                    document=document,
                    tier=tier,
                    since=since,
                    deadline=fields.Datetime.to_string(self.ops_response_deadline),
                )
                return subject, body

            record._ops_notify_users(reviewers, reminder)
        elif level == 2:
            heads = self.env["res.users"]
            for user in reviewers:
                # sudo: the reviewer's department, only to find their head.
                department = user.sudo().employee_id.department_id
                heads |= department._ops_head_users(exclude=user) if department else heads
            heads = record._ops_cleared_users(heads - record._ops_concerned_users() - reviewers)
            self._ops_give_late_activity(record, heads, reviewers)
        else:
            leaders = self._ops_leadership_users() - record._ops_concerned_users()
            leaders = record._ops_cleared_users(leaders) - self.reviewer_ids
            if leaders:
                with ops_workflow_grant("tier.review"):
                    self.write({"ops_escalated_user_ids": [Command.link(u.id) for u in leaders]})
                self._ops_rechoose_reviewers()
            if hasattr(record, "message_post"):
                # sudo: a note in the document's chatter naming the step and
                # the people it went to (the notification glue filters who
                # is told of a classified document).
                record.sudo().message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "“%(tier)s” was not decided in time by %(reviewers)s: Leadership "
                        "(%(leaders)s) may decide it in their place.",
                        tier=self.name or "",
                        reviewers=", ".join(reviewers.mapped("name")) or "-",
                        leaders=", ".join(leaders.mapped("name")) or "-",
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _ops_give_late_activity(self, record, users, reviewers):
        """A to-do for ``users`` (the reviewers' heads) on the document: the
        step is late."""
        if "activity_ids" not in record._fields:
            return
        for user in users:
            _ = self.with_context(lang=self._ops_lang(user.lang)).env._
            # sudo: the activity tells a head that a step of their reviewer is
            # late; the head was found above and may know the document.
            record.sudo().activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(self),
                summary=_("Late approval: %(tier)s", tier=self.name or ""),
                note=_(
                    "%(reviewers)s have not decided “%(tier)s” in time.",
                    reviewers=", ".join(reviewers.mapped("name")),
                    tier=self.name or "",
                ),
                user_id=user.id,
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
