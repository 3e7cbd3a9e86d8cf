# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every model of the suite shares, whatever it inherits:

* the people a decision on a record is about, and the one guard that keeps
  them from taking it (``_ops_check_not_concerned``);
* the bounds of every value a user sends to a field our addons define
  (numbers, dates, texts, choices, links), checked before anything is
  written and refused with a translated sentence — never a Python or
  database message. A field narrows them with ``ops_min`` / ``ops_max``;
* a selection's label (``_ops_selection_label``);
* counted smart buttons: how many records of several x2many fields the user
  may read, all counted in one query (``_ops_count_fields``,
  ``_compute_ops_counts``).
"""

import math
from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

OPS_DATE_MIN = date(1950, 1, 1)
OPS_DATE_MAX = date(2099, 12, 31)
OPS_NUMBER_MAX = 1e12
OPS_INTEGER_MAX = 2**31 - 1
OPS_LENGTH_MAX = {"char": 1000, "text": 100_000, "html": 2_000_000}
# The classification of a record (ops_confidentiality): not its content, so a
# lock on an approved or reviewed record leaves it to be changed.
OPS_CLASSIFICATION_FIELDS = frozenset(
    {"ops_level", "ops_category", "ops_need_to_know_user_ids", "ops_need_to_know_department_ids"}
)


class Base(models.AbstractModel):
    _inherit = "base"

    # Paths to the people a decision on a record is about (requester,
    # appraisee, honouree …) and the fields whose value is such a decision
    # (a calibrated score, a bonus base, a clearance, a department's head).
    # Addons extending a model add theirs through the two methods below.
    _ops_subject_fields = ()
    _ops_decision_fields = ()
    # The record whose confidentiality this one follows (policy §七, SPEC
    # §5.1 "classification follows ownership"): a path of many2one fields to
    # it, e.g. ``"project_id"`` on a task or ``"gate_id.project_id"`` on a
    # gate decision. Declared by the addon that defines the model, applied
    # by ``ops_confidentiality`` (the classified record's rule, its files,
    # its notifications) whenever that is installed.
    _ops_classified_by = None

    def _valid_field_parameter(self, field, name):
        return name in ("ops_min", "ops_max") or super()._valid_field_parameter(field, name)

    # -- who a decision is about ---------------------------------------------

    @api.model
    def _ops_subject_paths(self):
        return set(self._ops_subject_fields)

    @api.model
    def _ops_decision_field_names(self):
        return set(self._ops_decision_fields)

    def _ops_concerned_users(self):
        """The users a decision on ``self`` is about (requester, appraisee,
        honouree, promoted or cleared employee …)."""
        users = self.env["res.users"]
        paths = self._ops_subject_paths()
        if paths:
            # sudo: the guard must see who a record is about even where the
            # deciding user may not read the person; only users come out.
            for record in self.sudo():
                for path in paths:
                    users |= self._ops_users_of(record.mapped(path))
        return users.sudo(False)

    def _ops_check_decision_fields(self, vals):
        """A decision field is refused to the people the record is about —
        as it is and as ``vals`` would make it (appointing oneself head)."""
        names = self._ops_decision_field_names() & set(vals)
        if not names or self.env.su:
            return
        what = self._fields[sorted(names)[0]]._description_string(self.env)
        self._ops_check_not_concerned(what)
        heads = {path.split(".")[0] for path in self._ops_subject_paths()}
        subject_vals = {k: v for k, v in vals.items() if k in heads and k in self._fields}
        if subject_vals:
            self.new(subject_vals)._ops_check_not_concerned(what)

    @api.model
    def _ops_users_of(self, records):
        """The users behind users, employees or partners. sudo: only to
        follow the link to the user (the caller already holds the records);
        the users are returned without it."""
        if records._name == "res.users":
            return records
        if records._name == "hr.employee":
            return records.sudo().user_id.sudo(False)
        if records._name == "res.partner":
            return records.sudo().user_ids.sudo(False)
        return self.env["res.users"]

    def _ops_check_not_concerned(self, what=None):
        """Nobody decides their own case: refuse the current user when a
        record of ``self`` is about them. The superuser (server code acting
        for nobody) passes."""
        if self.env.su:
            return
        for record in self:
            if self.env.user in record._ops_concerned_users():
                raise UserError(
                    self.env._(
                        "%(record)s concerns you, so someone else decides it "
                        "(%(what)s): the next head up, HR or Leadership.",
                        record=record.display_name or record._description,
                        what=what or self.env._("this decision"),
                    )
                )

    def _ops_lock_rows(self):
        """``SELECT … FOR UPDATE`` on ``self``'s rows, then read them again:
        the one row-lock helper of the suite."""
        ids = [i for i in self.ids if isinstance(i, int)]
        if not ids:
            return
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s ORDER BY id FOR UPDATE",
                SQL.identifier(self._table),
                tuple(ids),
            )
        )
        self.invalidate_recordset()

    # -- confidentiality (filled in by ops_confidentiality) ------------------

    def _ops_classified_rank(self):
        """The confidentiality rank (0 public … 3 secret) of ``self`` or of
        the record it belongs to; 1 (internal) where nothing classifies it."""
        self.ensure_one()
        return 1

    def _ops_cleared_users(self, users):
        """The ``users`` who may be told of ``self`` or decide on it: all of
        them, unless ``ops_confidentiality`` classifies ``self`` above
        internal (then only those cleared for its level who need to know)."""
        self.ensure_one()
        return users

    def _ops_fallback_reviewers(self, users):
        """The ``users`` (Leadership, by ``tier.review._get_reviewers``) who
        take a step of ``self`` when none of its own reviewers is cleared
        for it: all of them, unless ``ops_confidentiality`` classifies
        ``self`` above internal (then only those whose clearance covers its
        level, need to know or not; those it returns must then pass
        ``_ops_cleared_users`` for ``self``, or they can neither read nor
        decide it). The confidentiality officers are told of the step."""
        self.ensure_one()
        return users

    @api.model
    def _ops_lang(self, *codes):
        """The first of ``codes`` that is a loaded language, else the current
        company's language, else English. Odoo refuses to work in a language
        that is not loaded ("Invalid language code"): a message to a user
        whose language was never loaded is written in the company's, and the
        decision that sends it goes through."""
        company_lang = self.env.company.partner_id.lang
        for code in (*codes, company_lang, self.env.context.get("lang")):
            if code and self._ops_lang_loaded(code):
                return code
        return "en_US"

    @api.model
    def _ops_lang_loaded(self, code):
        """Whether ``code`` is a language the database has loaded (English
        always is)."""
        return code == "en_US" or bool(self.env["res.lang"]._get_data(code=code))

    @api.model
    def _ops_group_users(self, *xmlids, company=None):
        """The internal users of the groups ``xmlids`` (who may work in
        ``company`` when given), to be told of something or given a step."""
        users = self.env["res.users"]
        for xmlid in xmlids:
            # sudo: the members of a group; only the users come out, as the
            # caller's environment.
            users |= self.env.ref(xmlid).sudo().users
        return users.filtered(
            lambda u: not u.share and (not company or company in u.company_ids)
        ).sudo(False)

    @api.model
    def _ops_officer_users(self):
        """The confidentiality officers (internal users of the group)."""
        return self._ops_group_users("ops_org.ops_org_group_confidentiality")

    @api.model
    def _ops_notify_officers(self, subject, text, link=""):
        """An inbox notice to the confidentiality officers, attached to no
        record (the callers name no classified record in it)."""
        officers = self._ops_officer_users()
        if not officers:
            return
        body = Markup("<p>%s</p>") % text
        if link:
            body += Markup("<p><a href='%s'>%s</a></p>") % (link, link)
        # sudo: a notice to the officers, on no document.
        self.env["mail.thread"].sudo().message_notify(
            partner_ids=officers.partner_id.ids, subject=subject, body=body
        )

    # -- labels --------------------------------------------------------------

    def _ops_selection_label(self, field_name, value=None):
        """The label of a selection value (default: this record's), in the
        user's language."""
        if value is None:
            self.ensure_one()
            value = self[field_name]
        labels = dict(self._fields[field_name]._description_selection(self.env))
        return labels.get(value, value or "")

    # -- counted smart buttons -----------------------------------------------

    @api.model
    def _ops_count_fields(self):
        """``{count field: x2many field}`` of the model's counted smart buttons.
        Every field computed by ``_compute_ops_counts`` is a key; an addon
        adds its own with ``{**super()._ops_count_fields(), ...}``, so the
        buttons of several addons on one form cost one query."""
        return {}

    @api.depends(lambda self: tuple(self._ops_count_fields().values()))
    def _compute_ops_counts(self):
        count_fields = self._ops_count_fields()
        counts = self._ops_count_related(count_fields)
        for record in self:
            for count_field in count_fields:
                record[count_field] = counts[count_field].get(record._origin.id, 0)

    def _ops_count_related(self, count_fields):
        """For each ``count field: x2many field``, how many records of the
        x2many field the user may read, per record of ``self``: the
        comodel's access rows and record rules apply and its archived records
        are left out, as when the field itself is read. One query for all:
        ``{count field: {record id: count}}``."""
        counts = {count_field: {} for count_field in count_fields}
        ids = tuple(id_ for id_ in self._origin.ids if id_)
        parts = []
        for count_field, x2many in count_fields.items():
            field = self._fields[x2many]
            comodel = self.env[field.comodel_name]
            if not ids or not comodel.has_access("read"):
                continue
            domain = list(field.domain) if isinstance(field.domain, list) else []
            if field.type == "one2many":
                query = comodel._search([(field.inverse_name, "in", ids), *domain])
                owner = comodel._field_to_sql(comodel._table, field.inverse_name, query)
                parts.append(
                    SQL(
                        "SELECT %s AS count_field, t.owner, COUNT(*) FROM (%s) t GROUP BY t.owner",
                        count_field,
                        query.select(SQL("%s AS owner", owner)),
                    )
                )
            else:
                self.flush_model([x2many])
                relation = SQL.identifier(field.relation)
                owner = SQL.identifier(field.relation, field.column1)
                parts.append(
                    SQL(
                        "SELECT %s AS count_field, %s, COUNT(*) FROM %s"
                        " WHERE %s IN %s AND %s IN %s GROUP BY %s",
                        count_field,
                        owner,
                        relation,
                        owner,
                        ids,
                        SQL.identifier(field.relation, field.column2),
                        comodel._search(domain).subselect(),
                        owner,
                    )
                )
        if parts:
            for count_field, owner, count in self.env.execute_query(SQL(" UNION ALL ").join(parts)):
                counts[count_field][owner] = count
        return counts

    def _ops_related_action(self, xml_id, domain, context=None):
        """The window action ``xml_id`` on the records ``domain`` finds,
        named after this record (a smart button's target)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["display_name"] = self.env._(
            "%(records)s of %(record)s", records=action["name"], record=self.display_name
        )
        action["domain"] = domain
        action["context"] = context or {}
        return action

    # -- bounds of what users send -------------------------------------------

    @api.model
    def _ops_bounded_fields(self):
        """The stored fields our addons define on this model, by name."""
        cls = type(self)
        cached = cls.__dict__.get("_ops_bounded_cache")
        if cached is None:
            cached = {
                name: field
                for name, field in self._fields.items()
                if (field._module or "").startswith("ops_")
                and not field.related
                and (not field.compute or field.inverse or not field.readonly)
            }
            cls._ops_bounded_cache = cached
        return cached

    @api.model_create_multi
    def create(self, vals_list):
        if self._ops_bounded_fields():
            self._ops_check_bounds(*vals_list)
        if self._ops_decision_fields or self._ops_decision_field_names():
            for vals in vals_list:
                self.browse()._ops_check_decision_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        if self._ops_bounded_fields():
            self._ops_check_bounds(vals)
        if self._ops_decision_fields or self._ops_decision_field_names():
            self._ops_check_decision_fields(vals)
        return super().write(vals)

    @api.model
    def _ops_check_bounds(self, *vals_list):
        """Check the values of ``vals_list``; the links are checked in one
        query per target model, and a record known to exist in this
        transaction is not looked up again."""
        links = {}
        for vals in vals_list:
            self._ops_check_values(vals, links)
        known = self.env.cr.cache.setdefault("ops_org_existing_ids", set())
        for comodel, wanted in links.items():
            table = self.env[comodel]._table
            missing = [rid for rid in wanted if (table, rid) not in known]
            if not missing:
                continue
            self.env.cr.execute(
                SQL("SELECT id FROM %s WHERE id IN %s", SQL.identifier(table), tuple(missing))
            )
            found = {row[0] for row in self.env.cr.fetchall()}
            known.update((table, rid) for rid in found)
            for rid in missing:
                if rid not in found:
                    raise ValidationError(
                        self.env._(
                            "%(field)s (%(model)s): there is no %(target)s number %(id)s.",
                            field=wanted[rid]._description_string(self.env),
                            model=self._description,
                            target=self.env[comodel]._description,
                            id=rid,
                        )
                    )

    @api.model
    def _ops_check_values(self, vals, links):
        bounded = self._ops_bounded_fields()
        for name in set(vals) & set(bounded):
            field = bounded[name]
            value = vals[name]
            problem = self._ops_value_problem(field, value)
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(field)s (%(model)s): %(problem)s",
                        field=field._description_string(self.env),
                        model=self._description,
                        problem=problem,
                    )
                )
            if field.type == "many2one" and isinstance(value, int) and value:
                links.setdefault(field.comodel_name, {})[value] = field
            elif field.type == "many2many" and isinstance(value, list | tuple):
                for command in value:
                    if isinstance(command, list | tuple) and command:
                        if command[0] == 6 and len(command) > 2:
                            ids = command[2] or []
                        elif command[0] == 4 and len(command) > 1:
                            ids = [command[1]]
                        else:
                            continue
                        for rid in ids:
                            if isinstance(rid, int):
                                links.setdefault(field.comodel_name, {})[rid] = field

    @api.model
    def _ops_value_problem(self, field, value):
        """What is wrong with ``value`` for ``field``, in words, or None."""
        if value is False or value is None:
            return None
        if field.type in OPS_LENGTH_MAX:
            return self._ops_text_problem(field, value)
        if field.type in ("integer", "float", "monetary"):
            return self._ops_number_problem(field, value)
        if field.type in ("date", "datetime"):
            return self._ops_date_problem(field, value)
        if field.type == "selection" and value not in field.get_values(self.env):
            return self.env._("“%(value)s” is not one of the choices.", value=str(value)[:40])
        if field.type == "many2one" and not isinstance(value, models.BaseModel):
            if isinstance(value, bool) or not isinstance(value, int):
                return self.env._("“%(value)s” is not a record.", value=str(value)[:40])
        if field.type == "boolean" and not isinstance(value, bool | int):
            return self.env._("yes or no is expected.")
        return None

    @api.model
    def _ops_text_problem(self, field, value):
        if not isinstance(value, str):
            return self.env._("a text is expected.")
        limit = field.size or OPS_LENGTH_MAX[field.type]
        if len(value) > limit:
            return self.env._(
                "%(length)s characters is too long (at most %(limit)s).",
                length=len(value),
                limit=limit,
            )
        return None

    @api.model
    def _ops_number_problem(self, field, value):
        _ = self.env._
        integer = field.type == "integer"
        if isinstance(value, bool):
            return _("a number is expected.")
        try:
            number = int(value) if integer else float(value)
        except (TypeError, ValueError, OverflowError):
            return _("“%(value)s” is not a number.", value=str(value)[:40])
        if not integer and not math.isfinite(number):
            return _("“%(value)s” is not a number.", value=str(value)[:40])
        if integer and isinstance(value, float) and not value.is_integer():
            return _("%(value)s is not a whole number.", value=value)
        limit = OPS_INTEGER_MAX if integer else OPS_NUMBER_MAX
        low = getattr(field, "ops_min", None)
        high = getattr(field, "ops_max", None)
        high = limit if high is None else min(high, limit)
        low = -limit if low is None else max(low, -limit)
        if number < low:
            return _(
                "%(value)s is below the lowest value accepted (%(low)s).", value=number, low=low
            )
        if number > high:
            return _(
                "%(value)s is beyond the highest value accepted (%(high)s).",
                value=number,
                high=high,
            )
        return None

    @api.model
    def _ops_date_problem(self, field, value):
        try:
            if field.type == "date":
                day = fields.Date.to_date(value)
            else:
                day = fields.Datetime.to_datetime(value)
                day = day.date() if day else day
        except (TypeError, ValueError):
            return self.env._("“%(value)s” is not a date.", value=str(value)[:40])
        if isinstance(day, date) and not OPS_DATE_MIN <= day <= OPS_DATE_MAX:
            return self.env._(
                "%(value)s is outside the dates accepted (%(low)s to %(high)s).",
                value=str(value)[:10],
                low=format_date(self.env, OPS_DATE_MIN),
                high=format_date(self.env, OPS_DATE_MAX),
            )
        return None
