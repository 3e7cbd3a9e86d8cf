# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import SUPERUSER_ID, Command, api, fields, models
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
    def _ops_install_rule(self, model_name, module, path="", domain=None):
        """Create (or update) the record rule of ``model_name`` and give it
        the XML id ``<module>.ops_confidentiality_rule_<model>``, so that the
        addon classifying the model owns it (and removes it when uninstalled).

        ``domain`` (built by ``base._ops_sync_confidentiality_rules`` from a
        model's ``_ops_classified_by``) applies the rule of a classified
        record to the records that belong to it; ``path`` is the older form
        of it (``"budget_id."``)."""
        model = self.env["ir.model"]._get(model_name)
        xmlid = f"{module}.ops_confidentiality_rule_{model_name.replace('.', '_')}"
        rule = self.env.ref(xmlid, raise_if_not_found=False)
        values = {
            "name": f"{model.name}: confidentiality",
            "model_id": model.id,
            "domain_force": domain or RULE_DOMAIN.replace("{path}", path),
            "global": True,
        }
        if rule:
            changed = {
                key: value
                for key, value in values.items()
                if (rule[key].id if key == "model_id" else rule[key]) != value
            }
            if changed:
                rule.sudo().write(changed)
        else:
            rule = self.env["ir.rule"].sudo().create(values)
        # Registered at every load, or the update would remove it as obsolete.
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": xmlid, "record": rule, "noupdate": False}], update=True
        )
        return rule

    @api.model
    def _ops_classifying_module(self, model_name):
        """The addon that classifies ``model_name`` (the first to give it the
        field ``ops_level``)."""
        field = self.env["ir.model.fields"]._get(model_name, "ops_level")
        if not field:
            return None
        # sudo: which addon owns a field's definition; only its name comes out.
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [("model", "=", "ir.model.fields"), ("res_id", "=", field.id)], order="id", limit=1
            )
        )
        return data.module or None

    def _ops_users_who_may_know(self, users):
        """The ``users`` who may know of every record of ``self``: cleared for
        its level and on its need-to-know list (themselves or their
        department), the rule of :data:`RULE_DOMAIN` in Python."""
        allowed = users
        # sudo: the level and the list are compared, never returned.
        for record in self.sudo():
            if record.ops_level_rank <= 1:
                continue
            departments = record.ops_need_to_know_department_ids
            allowed = allowed.filtered(
                lambda u, r=record, d=departments: (
                    u._is_superuser()
                    or (
                        u.ops_clearance_rank >= r.ops_level_rank
                        and (
                            u in r.ops_need_to_know_user_ids
                            or bool(u.employee_ids.department_id & d)
                        )
                    )
                )
            )
        return allowed

    # -- changes of level --------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ops_check_clearance_covers(
                vals.get("ops_level"), vals.get("name") or self._description
            )
            if LEVEL_RANK.get(vals.get("ops_level"), 1) > 1:
                vals["ops_need_to_know_user_ids"] = list(
                    vals.get("ops_need_to_know_user_ids") or []
                ) + [Command.link(user.id) for user in self._ops_default_knowers()]
        records = super().create(vals_list)
        records.filtered(lambda r: r.ops_level == "secret")._ops_sync_encryption()
        return records

    def write(self, vals):
        if "ops_level" in vals:
            self._ops_check_lowering(vals["ops_level"])
            for record in self:
                self._ops_check_clearance_covers(vals["ops_level"], record.display_name)
            was_secret = self.filtered(lambda r: r.ops_level == "secret")
            raised = self.filtered(lambda r: r.ops_level_rank <= 1)
        res = super().write(vals)
        if "ops_level" in vals:
            if LEVEL_RANK.get(vals["ops_level"], 1) > 1 and raised:
                # Classified now: whoever classified it and the officers keep
                # sight of it, or nobody could ever reach it again.
                knowers = self._ops_default_knowers()
                # sudo: adds the classifier and the officers, nobody else.
                raised.sudo().write(
                    {"ops_need_to_know_user_ids": [Command.link(u.id) for u in knowers]}
                )
            (was_secret | self.filtered(lambda r: r.ops_level == "secret"))._ops_sync_encryption()
        if self._ops_narrows(vals):
            self.filtered(lambda r: r.ops_level_rank >= 2)._ops_withdraw_activities()
        return res

    @api.model
    def _ops_narrows(self, vals):
        """Whether ``vals`` may take a record away from someone: a level
        set, or a need-to-know list changed other than by adding to it."""
        if "ops_level" in vals:
            return True
        for name in ("ops_need_to_know_user_ids", "ops_need_to_know_department_ids"):
            commands = vals.get(name)
            if commands and any(
                not isinstance(c, (list, tuple)) or c[0] != Command.LINK for c in commands
            ):
                return True
        return False

    def _ops_withdraw_activities(self):
        """Activities on ``self`` and what belongs to it, assigned to users
        who may no longer know of it (the record was classified, its level
        raised or its list narrowed), go to the user who changed it, or are
        removed. Approval steps are the approval glue's (they go to cleared
        reviewers)."""
        targets = {self._name: self} | self._ops_followers()
        # sudo: only activities of users no longer cleared are moved or
        # removed; nothing is returned.
        Activity = self.env["mail.activity"].sudo()
        # The user who changed it (sudo keeps the caller), not the superuser.
        taker = self.env.user if self.env.uid != SUPERUSER_ID else self.env["res.users"]
        for model, records in targets.items():
            if "review_ids" in records._fields:
                # Steps already given: their reviewers are chosen again (only
                # those cleared, else cleared Leadership) and the approval
                # activities follow.
                reviews = records.sudo().review_ids.filtered(
                    lambda r: r.status in ("waiting", "pending")
                )
                if reviews:
                    reviews._ops_rechoose_reviewers()
            activities = Activity.search(
                [("res_model", "=", model), ("res_id", "in", records.ids), ("user_id", "!=", False)]
            )
            for activity in activities:
                if "ops_tier_review_id" in activity._fields and activity.ops_tier_review_id:
                    continue
                record = records.browse(activity.res_id)
                if record._ops_cleared_users(activity.user_id):
                    continue
                if taker and record._ops_cleared_users(taker):
                    activity.write({"user_id": taker.id})
                else:
                    activity.unlink()

    @api.model
    def _ops_default_knowers(self):
        """Who needs to know a record by default when it is classified: the
        user classifying it and the confidentiality officers."""
        users = self._ops_officer_users()
        if not self.env.su:
            users |= self.env.user
        return users

    def ops_set_level(self, level, reason):
        """The confidentiality officer sets the level of records they may not
        read (hidden from everyone, or published and locked), with a reason
        logged on each."""
        if not (self.env.su or self.env.user.has_group("ops_org.ops_org_group_confidentiality")):
            raise AccessError(
                self.env._("Only the confidentiality officer changes a level this way.")
            )
        if level not in LEVEL_RANK:
            raise UserError(self.env._("Choose a confidentiality level."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for changing the level."))
        self._ops_check_clearance_covers(level, self._description)
        # sudo: the caller is a confidentiality officer (checked above), whose
        # office is to classify and declassify; only the level, the default
        # need-to-know and the logged reason are written.
        for record in self.sudo():
            old = record._ops_selection_label("ops_level")
            record.write({"ops_level": level})
            if LEVEL_RANK[level] > 1:
                record.write(
                    {
                        "ops_need_to_know_user_ids": [
                            Command.link(u.id) for u in self.sudo(False)._ops_default_knowers()
                        ]
                    }
                )
            if hasattr(record, "message_post"):
                record.message_post(
                    body=self.env._(
                        "Confidentiality changed from %(old)s to %(new)s by %(user)s: %(reason)s",
                        old=old,
                        new=record._ops_selection_label("ops_level"),
                        user=self.env.user.name,
                        reason=reason,
                    ),
                    author_id=self.env.user.partner_id.id,
                )
        return True

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
        """Attachments of secret records, and of the records that belong to
        them, are encrypted; when a record leaves the secret level they are
        decrypted again."""
        attachments = self._ops_attachments()
        for records in self._ops_followers().values():
            attachments |= records._ops_attachments()
        attachments._ops_sync_encryption()

    def _ops_followers(self):
        """{model: records} of every model whose ``_ops_classified_by`` path
        ends at ``self``'s model, that belong to ``self``."""
        result = {}
        for name in sorted(self.env.registry):
            Model = self.env[name]
            if (
                Model._abstract
                or not Model._auto
                or not Model._ops_classification_path()
                or Model._ops_classification_model() != self._name
            ):
                continue
            # sudo: the records are only passed to the encryption of their files.
            found = (
                Model.sudo()
                .with_context(active_test=False)
                .search([(Model._ops_classification_path(), "in", self.ids)])
            )
            if found:
                result[name] = found
        return result

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
