# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Classification follows ownership (policy §七, SPEC §5.1).

A model declares the record it belongs to with ``_ops_classified_by`` (a
path of many2one fields, in the addon that defines it: ``"project_id"`` on a
task, ``"gate_id.project_id"`` on a gate decision). Every model whose path
ends at a classified record (a model taking ``ops.confidentiality.mixin``)
gets the classified record's rule through that path, its attachments are
encrypted when that record is secret, and its notifications, reviewers and
names follow the record's level. The rules are installed (and kept in step
with the registry) at the end of every installation or update.
"""

from odoo import Command, api, models

from odoo.addons.ops_org.models.base import OPS_CLASSIFICATION_FIELDS

from .ops_confidentiality_mixin import RULE_DOMAIN

# The models that link to a classified record (or to one that follows it)
# and yet do not follow it, each with the reason: the one list a test of the
# registry checks every link against (SPEC §5.1).
OPS_UNCLASSIFIED = {
    "ops.development.plan.action": "An action of the employee's development plan, read by "
    "the employee, their manager and HR under the plan's rules; it links to a training "
    "need, whose name is masked for readers who may not see the need.",
    "ops.training.enrolment": "A seat in a training session, read by the employee, the "
    "trainer and HR; it links to the training need it answers, whose name is masked for "
    "readers who may not see the need.",
}


def _path_rule_domain(path):
    """The rule of a classified record, applied through ``path``: a record
    whose path is empty at some link belongs to nothing classified."""
    domain = RULE_DOMAIN.replace("{path}", "")
    for fname in reversed(path.split(".")):
        domain = f"['|', ('{fname}', '=', False), ('{fname}', 'any', {domain})]"
    return domain


class Base(models.AbstractModel):
    _inherit = "base"

    # -- where a record's classification comes from -------------------------

    @api.model
    def _ops_classification_model(self):
        """The classified model this model's records follow (itself for a
        classified model), or ``None``."""
        path = self._ops_classification_path()
        if path is None:
            return None
        model = self
        for fname in path.split(".") if path else ():
            model = self.env[model._fields[fname].comodel_name]
        return model._name

    @api.model
    def _ops_classification_path(self):
        """The path from this model to the classified record its records
        follow: ``""`` for a classified model, ``None`` for a model that
        follows nothing. A path may end at a model that follows another
        (a task's personal stage follows its task, which follows its
        project): the paths are joined."""
        if "ops_level_rank" in self._fields and isinstance(
            self, self.pool["ops.confidentiality.mixin"]
        ):
            return ""
        path = self._ops_classified_by
        if not path:
            return None
        model = self
        for fname in path.split("."):
            field = model._fields.get(fname)
            if field is None or field.type != "many2one":
                return None
            model = self.env[field.comodel_name]
        rest = model._ops_classification_path()
        if rest is None:
            return None
        return f"{path}.{rest}" if rest else path

    def _ops_classification_roots(self):
        """The classified records ``self`` follows (as superuser: the
        caller decides what to show of them)."""
        path = self._ops_classification_path()
        if path is None:
            return self.env["ops.confidentiality.mixin"]
        # sudo: only used to tell a level and who needs to know; the callers
        # never return these records or their values to the user.
        roots = self.sudo().with_context(active_test=False)
        for fname in path.split(".") if path else ():
            roots = roots[fname]
        return roots

    def _ops_classified_rank(self):
        self.ensure_one()
        roots = self._ops_classification_roots()
        return max(roots.mapped("ops_level_rank"), default=1) if roots else 1

    def _ops_cleared_users(self, users):
        self.ensure_one()
        roots = self._ops_classification_roots()
        if not roots:
            return users
        return roots._ops_users_who_may_know(users)

    def _ops_fallback_reviewers(self, users):
        """Leaders cleared for the level take a step nobody on the list may
        take; they need to know the record from then on (or they could not
        read what they decide), which its chatter records — the officers are
        told of the step by the approval glue."""
        self.ensure_one()
        roots = self._ops_classification_roots()
        rank = max(roots.mapped("ops_level_rank"), default=1) if roots else 1
        if rank <= 1:
            return users
        cleared = users.filtered(lambda u: u._is_superuser() or u.ops_clearance_rank >= rank)
        for root in roots.filtered(lambda r: r.ops_level_rank >= 2):
            added = cleared - root.ops_need_to_know_user_ids
            if not added:
                continue
            # roots are sudo (see _ops_classification_roots): only cleared
            # leaders are added, for the approval they were given.
            root.write({"ops_need_to_know_user_ids": [Command.link(u.id) for u in added]})
            if hasattr(root, "message_post"):
                root.message_post(
                    body=self.env._(
                        "Nobody on the need-to-know list may take an approval step of "
                        "%(record)s: %(users)s (Leadership, cleared for the level) now need "
                        "to know it.",
                        record=self.display_name,
                        users=", ".join(added.mapped("name")),
                    )
                )
            self._ops_tell_officers_of_fallback(added)
        return cleared

    def _ops_tell_officers_of_fallback(self, leaders):
        """Tell the confidentiality officers who was added to the
        need-to-know list of what kind of record, and its link — never its
        name (the officers need not know it)."""
        kind = self.env["ir.model"]._get(self._name).name
        self._ops_notify_officers(
            self.env._("Approval step given to cleared Leadership: %(kind)s", kind=kind),
            self.env._(
                "Nobody on the need-to-know list of a %(kind)s may take its approval step: "
                "it went to %(leaders)s (Leadership, cleared for its level), who now need to "
                "know it. Check who needs to know it.",
                kind=kind,
                leaders=", ".join(leaders.mapped("name")),
            ),
            self._ops_link() if hasattr(self, "_ops_link") else "",
        )

    # -- names of classified records seen through a link ----------------------
    #
    # Odoo reads the name of a many2one's value as superuser (the link is the
    # reader's, not the linked record's). A record the reader may see can
    # link to a classified one the reader may not (a timesheet line to a
    # secret project, a meeting decision to a confidential budget): they see
    # that something is linked, never its name.

    @api.model
    def _ops_classified_links(self):
        """Names of this model's many2one fields whose target is classified
        or follows a classified record."""
        cls = type(self)
        cached = cls.__dict__.get("_ops_classified_links_cache")
        if cached is None:
            cached = tuple(
                name
                for name, field in self._fields.items()
                if field.type == "many2one"
                and field.comodel_name in self.env
                and self.env[field.comodel_name]._ops_classification_model()
            )
            cls._ops_classified_links_cache = cached
        return cached

    def _ops_hidden_links(self, rows, fnames):
        """{(field name, id)} of the linked records in ``rows`` (the values of
        read, web_read or read_group) the current user may not read."""
        wanted = {}
        for row in rows:
            for fname in fnames:
                value = row.get(fname)
                # A bare id (read with load=None) carries no name.
                if isinstance(value, (tuple, list)) and value:
                    value = value[0]
                elif isinstance(value, dict):
                    value = value.get("id")
                else:
                    continue
                if isinstance(value, int) and value:
                    wanted.setdefault(fname, set()).add(value)
        hidden = set()
        for fname, ids in wanted.items():
            hidden.update((fname, i) for i in self._ops_hidden_ids(fname, ids))
        return hidden

    def _ops_hidden_ids(self, fname, ids):
        """The ids among ``ids`` of ``fname``'s model the current user may not
        read (one search under their rules)."""
        comodel = self.env[self._fields[fname].comodel_name].with_context(active_test=False)
        return set(ids) - set(comodel.search([("id", "in", list(ids))]).ids)

    def _ops_classified_label(self, fname):
        """What a reader who may not read the record ``fname`` links to sees
        instead of its name."""
        kind = self.env["ir.model"]._get(self._fields[fname].comodel_name).name
        return self.env._("%(kind)s (classified)", kind=kind)

    def _ops_mask_links(self, rows):
        fnames = [f for f in self._ops_classified_links() if any(f in row for row in rows[:1])]
        if self.env.su or not fnames or not rows:
            return rows
        hidden = self._ops_hidden_links(rows, fnames)
        if not hidden:
            return rows
        for row in rows:
            for fname in fnames:
                value = row.get(fname)
                ident = value.get("id") if isinstance(value, dict) else None
                if isinstance(value, (tuple, list)) and value:
                    ident = value[0]
                if (fname, ident) not in hidden:
                    continue
                label = self._ops_classified_label(fname)
                if isinstance(value, dict):
                    value["display_name"] = label
                else:
                    row[fname] = (ident, label)
        return rows

    def _read_format(self, fnames, load="_classic_read"):
        """read and search_read: the names of the links are read in one batch
        per field (Odoo's ``Many2one.convert_to_read`` switches each value to
        superuser one by one, which costs a non-superuser reader twice the
        time of the read at 100,000 rows), then hidden where they name a
        classified record the reader may not read."""
        if self.env.su or load != "_classic_read" or not self._ops_classified_links():
            return super()._read_format(fnames, load)
        many2ones = [f for f in fnames if self._fields[f].type == "many2one"]
        rows = super()._read_format([f for f in fnames if f not in many2ones], load)
        if not many2ones or not rows:
            return rows
        by_id = {row["id"]: row for row in rows}
        records = self.browse(list(by_id))
        for fname in many2ones:
            # sudo: the names of the linked records, as Odoo reads them; those
            # of classified records the reader may not read are replaced.
            linked = records.mapped(fname).sudo().exists()
            names = {value.id: value.display_name for value in linked}
            hidden = set()
            if names and fname in self._ops_classified_links():
                hidden = self._ops_hidden_ids(fname, names)
            label = self._ops_classified_label(fname) if hidden else None
            for record in records:
                value = record[fname]
                row = by_id[record.id]
                if not value or value.id not in names:
                    row[fname] = False
                elif value.id in hidden:
                    row[fname] = (value.id, label)
                else:
                    row[fname] = (value.id, names[value.id])
        return [{name: row[name] for name in ["id", *fnames] if name in row} for row in rows]

    def web_read(self, specification):
        return self._ops_mask_links(super().web_read(specification))

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        rows = super().read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
        )
        return self._ops_mask_links(rows)

    # -- the rules -------------------------------------------------------------

    @api.model
    def _ops_sync_confidentiality_rules(self):
        """Create or update the rule of every classified model and of every
        model that follows one (``_ops_classified_by``), each owned by the
        addon that classifies the record at the end of the path (uninstalled
        with it)."""
        Mixin = self.env["ops.confidentiality.mixin"]
        rules = self.env["ir.rule"]
        for name in sorted(self.env.registry):
            model = self.env[name]
            if model._abstract or model._transient:
                continue
            root = model._ops_classification_model()
            if not root:
                continue
            path = model._ops_classification_path()
            module = Mixin._ops_classifying_module(root)
            if not module:
                continue
            if root == name:
                rules |= Mixin._ops_install_rule(name, module)
            else:
                rules |= Mixin._ops_install_rule(name, module, domain=_path_rule_domain(path))
        return rules

    # -- the files of a record that follows a classified one ------------------

    def write(self, vals):
        path = self._ops_classified_by
        moved = bool(path) and path.split(".")[0] in vals
        res = super().write(vals)
        if moved and self._ops_classification_model():
            # A task moved into (or out of) a secret project: its files follow.
            self._ops_attachments()._ops_sync_encryption()
        return res

    def _ops_attachments(self):
        # sudo: the attachments are only re-encrypted or decrypted in place,
        # nothing of them is returned to the caller.
        return (
            self.env["ir.attachment"]
            .sudo()
            .with_context(skip_res_field_check=True)  # binary fields' files too
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )


class IrModelData(models.Model):
    _inherit = "ir.model.data"

    @api.model
    def _process_end(self, modules):
        # Before Odoo removes the rules no module declared in this update: an
        # addon installed after the one that classifies a record (a new kind
        # of child) gets its rule here.
        if modules and "ops.confidentiality.mixin" in self.env:
            self.env["base"]._ops_sync_confidentiality_rules()
        return super()._process_end(modules)


class TierValidation(models.AbstractModel):
    _inherit = "tier.validation"

    def _get_under_validation_exceptions(self):
        # The classification of a record under review may change (the officer
        # lowers it, a cleared leader takes a step and needs to know it): it is
        # not what the reviewers decide on.
        return super()._get_under_validation_exceptions() + [
            name for name in OPS_CLASSIFICATION_FIELDS if name in self._fields
        ]
