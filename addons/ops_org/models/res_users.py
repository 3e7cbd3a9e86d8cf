# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    """A user speaks a language the database has loaded: Odoo shows one not
    loaded in nothing (the user sees English) and refuses to write to them
    in it."""

    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ops_check_lang(vals.get("lang"))
        return super().create(vals_list)

    def write(self, vals):
        if "lang" in vals:
            self._ops_check_lang(vals["lang"])
        return super().write(vals)

    @api.model
    def _ops_check_lang(self, code):
        if code and not self._ops_lang_loaded(code):
            raise ValidationError(
                self.env._(
                    "The language %(lang)s is not loaded in this database: an administrator "
                    "loads it first (Settings > Languages), then it can be chosen.",
                    lang=code,
                )
            )
