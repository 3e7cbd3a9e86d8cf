# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import clean_context

from .ops_confidentiality_mixin import LEVELS


class OpsConfidentialityLevelWizard(models.TransientModel):
    """The confidentiality officer changes the level of a classified record
    from its form, with the reason logged on it (``ops_set_level``:
    officers only, whether or not they may read the record)."""

    _name = "ops.confidentiality.level.wizard"
    _description = "Change Confidentiality Level"

    # The officer's check is ops_set_level's; the level is no decision
    # about a person.
    _ops_harmless_methods = ("action_apply",)

    res_model = fields.Char(string="Document Model", required=True)
    res_id = fields.Many2oneReference(string="Document", model_field="res_model", required=True)
    record_name = fields.Char(string="Record", compute="_compute_current")
    current_level = fields.Selection(LEVELS, compute="_compute_current")
    level = fields.Selection(LEVELS, string="New Level", required=True)
    reason = fields.Text(required=True, help="Logged on the record with the change.")

    @api.depends("res_model", "res_id")
    def _compute_current(self):
        for wizard in self:
            record = wizard._ops_target() if wizard.res_model and wizard.res_id else None
            wizard.record_name = record.display_name if record else False
            wizard.current_level = record.ops_level if record else False

    def _ops_target(self):
        """The classified record the wizard is about, as superuser: the
        officer may not be on its need-to-know list; only its name and level
        are shown to them, and the change goes through
        ``ops_set_level``, which checks the officer."""
        self.ensure_one()
        Model = self.env[self.res_model] if self.res_model in self.env else None
        if Model is None or not isinstance(Model, self.pool["ops.confidentiality.mixin"]):
            raise UserError(
                self.env._(
                    "%(model)s records carry no confidentiality level.", model=self.res_model
                )
            )
        # sudo: see the docstring.
        record = Model.sudo().with_context(active_test=False).browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record to classify no longer exists."))
        return record

    def action_apply(self):
        self.ensure_one()
        # Without the sudo of _ops_target (ops_set_level checks the
        # officer) and without the form's default_* keys, which would fill in
        # the records the change creates (messages, followers).
        record = self._ops_target().sudo(False)
        record = record.with_env(record.env(context=clean_context(self.env.context)))
        record.ops_set_level(self.level, self.reason)
        return {"type": "ir.actions.act_window_close"}
