# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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

from odoo import api, models

from .ops_confidentiality_mixin import RULE_DOMAIN


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
        if "ops_level_rank" in self._fields and isinstance(
            self, self.pool["ops.confidentiality.mixin"]
        ):
            return self._name
        path = self._ops_classified_by
        if not path:
            return None
        model = self
        for fname in path.split("."):
            field = model._fields.get(fname)
            if field is None or field.type != "many2one":
                return None
            model = self.env[field.comodel_name]
        return model._ops_classification_model()

    def _ops_classification_roots(self):
        """The classified records ``self`` follows (as superuser: the
        caller decides what to show of them)."""
        root_model = self._ops_classification_model()
        if not root_model:
            return self.env["ops.confidentiality.mixin"]
        # sudo: only used to tell a level and who needs to know; the callers
        # never return these records or their values to the user.
        records = self.sudo().with_context(active_test=False)
        if root_model == self._name:
            return records
        roots = records
        for fname in self._ops_classified_by.split("."):
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
            module = Mixin._ops_classifying_module(root)
            if not module:
                continue
            if root == name:
                rules |= Mixin._ops_install_rule(name, module)
            else:
                rules |= Mixin._ops_install_rule(
                    name, module, domain=_path_rule_domain(model._ops_classified_by)
                )
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
