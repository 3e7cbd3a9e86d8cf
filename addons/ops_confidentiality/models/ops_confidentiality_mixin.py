# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

LEVELS = [
    ("public", "Public"),
    ("internal", "Internal"),
    ("confidential", "Confidential"),
    ("secret", "Secret"),
]
LEVEL_RANK = {"public": 0, "internal": 1, "confidential": 2, "secret": 3}
CATEGORIES = [
    ("trade_secret", "Trade Secret"),
    ("technical_secret", "Technical Secret"),
    ("customer_information", "Customer Information"),
    ("financial_information", "Financial Information"),
]

# The record rule of every classified model (policy §七): public and internal
# records follow the model's own rules; confidential and secret ones are
# shown only to users whose clearance covers the level and who need to know
# (named on the record, or members of a department named on it).
RULE_DOMAIN = """[
    '|',
    ('{path}ops_level_rank', '<=', 1),
    '&',
    ('{path}ops_level_rank', '<=', user.ops_clearance_rank),
    '|',
    ('{path}ops_need_to_know_user_ids', 'in', [user.id]),
    ('{path}ops_need_to_know_department_ids', 'in', user.employee_ids.department_id.ids),
]"""


class OpsConfidentialityMixin(models.AbstractModel):
    """Classification of a record (policy §七): a level, a category and the
    people who need to know. A model takes it with ``_inherit``, and the
    record rule of :data:`RULE_DOMAIN` with :meth:`_ops_install_rule` (in the
    data of the addon that classifies the model)."""

    _name = "ops.confidentiality.mixin"
    _description = "Confidentiality Classification"

    ops_level = fields.Selection(
        LEVELS,
        string="Confidentiality",
        default="internal",
        required=True,
        tracking=True,
        help="Public: anyone. Internal: the company's users. Confidential and "
        "secret: only users whose clearance covers the level and who need to know.",
    )
    ops_level_rank = fields.Integer(
        compute="_compute_ops_level_rank", store=True, index=True, readonly=True
    )
    ops_category = fields.Selection(CATEGORIES, string="Secret Category", tracking=True)
    ops_need_to_know_user_ids = fields.Many2many(
        "res.users",
        string="Need to Know",
        domain="[('share', '=', False)]",
        help="Users allowed to see the record when it is confidential or secret "
        "(their clearance must cover the level too).",
    )
    ops_need_to_know_department_ids = fields.Many2many(
        "hr.department",
        string="Departments Need to Know",
        help="Members of these departments need to know the record.",
    )

    @api.depends("ops_level")
    def _compute_ops_level_rank(self):
        for record in self:
            record.ops_level_rank = LEVEL_RANK.get(record.ops_level, 1)

    @api.model
    def _ops_install_rule(self, model_name, module, path=""):
        """Create (or update) the record rule of ``model_name`` and give it
        the XML id ``<module>.ops_confidentiality_rule_<model>``, so that the
        addon classifying the model owns it (and removes it when uninstalled).

        ``path`` (e.g. ``"budget_id."``) applies the rule of a classified
        record to the records that belong to it (lines, versions …)."""
        model = self.env["ir.model"]._get(model_name)
        xmlid = f"{module}.ops_confidentiality_rule_{model_name.replace('.', '_')}"
        rule = self.env.ref(xmlid, raise_if_not_found=False)
        values = {
            "name": f"{model.name}: confidentiality",
            "model_id": model.id,
            "domain_force": RULE_DOMAIN.replace("{path}", path),
            "global": True,
        }
        if rule:
            rule.write(values)
        else:
            rule = self.env["ir.rule"].sudo().create(values)
        # Registered at every load, or the update would remove it as obsolete.
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": xmlid, "record": rule, "noupdate": False}], update=True
        )
        return rule

    # -- changes of level --------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ops_check_clearance_covers(
                vals.get("ops_level"), vals.get("name") or self._description
            )
            if LEVEL_RANK.get(vals.get("ops_level"), 1) > 1 and not self.env.su:
                vals.setdefault("ops_need_to_know_user_ids", [])
                vals["ops_need_to_know_user_ids"] = list(vals["ops_need_to_know_user_ids"]) + [
                    (4, self.env.uid)
                ]
        records = super().create(vals_list)
        records.filtered(lambda r: r.ops_level == "secret")._ops_sync_encryption()
        return records

    def write(self, vals):
        if "ops_level" in vals:
            self._ops_check_lowering(vals["ops_level"])
            for record in self:
                self._ops_check_clearance_covers(vals["ops_level"], record.display_name)
            was_secret = self.filtered(lambda r: r.ops_level == "secret")
        res = super().write(vals)
        if "ops_level" in vals:
            (was_secret | self.filtered(lambda r: r.ops_level == "secret"))._ops_sync_encryption()
        return res

    def _ops_check_lowering(self, new_level):
        officer = self.env.user.has_group("ops_org.ops_org_group_confidentiality")
        if self.env.su or officer:
            return
        for record in self:
            if LEVEL_RANK.get(new_level, 1) < record.ops_level_rank:
                raise UserError(
                    self.env._(
                        "Only the confidentiality officer lowers the level of %(record)s "
                        "(from %(old)s to %(new)s).",
                        record=record.display_name,
                        old=dict(self._fields["ops_level"]._description_selection(self.env))[
                            record.ops_level
                        ],
                        new=dict(self._fields["ops_level"]._description_selection(self.env))[
                            new_level
                        ],
                    )
                )

    @api.model
    def _ops_check_clearance_covers(self, level, record_name):
        """A user classifies a record no higher than their own clearance:
        they would lose sight of it."""
        if self.env.su:
            return
        if LEVEL_RANK.get(level, 1) > max(self.env.user.ops_clearance_rank, 1):
            raise UserError(
                self.env._(
                    "Your clearance does not cover the level you gave to %(record)s.",
                    record=record_name,
                )
            )

    def _ops_sync_encryption(self):
        """Attachments of secret records are encrypted; when a record leaves
        the secret level they are decrypted again."""
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .with_context(skip_res_field_check=True)  # binary fields' files too
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        attachments._ops_sync_encryption()

    # -- reads, exports ------------------------------------------------------

    def _ops_classified(self):
        return self.filtered(lambda r: r.ops_level_rank >= 2)

    def web_read(self, specification):
        result = super().web_read(specification)
        if len(self) == 1:
            self._ops_classified()._ops_log("read")
        return result

    def export_data(self, fields_to_export):
        rank = self.env.user.ops_clearance_rank
        if not self.env.su and any(r.ops_level_rank > max(rank, 1) for r in self):
            raise AccessError(self.env._("You cannot export records above your clearance."))
        self._ops_classified()._ops_log("export")
        return super().export_data(fields_to_export)

    def _ops_log(self, action):
        if not self:
            return
        self.env["ops.confidentiality.access.log"].sudo().create(
            [
                {
                    "user_id": self.env.uid,
                    "res_model": record._name,
                    "res_id": record.id,
                    "record_name": record.sudo().display_name,
                    "level": record.ops_level,
                    "action": action,
                }
                for record in self
            ]
        )
