# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        # A message written straight into an announcement channel (not
        # through ``message_post``) is held to the same rule.
        if not self.env.su:
            ids = {
                vals.get("res_id")
                for vals in vals_list
                if vals.get("model") == "discuss.channel"
                and vals.get("message_type", "comment") == "comment"
            }
            if ids:
                # sudo: reads only whether the channels are announcement ones.
                channels = self.env["discuss.channel"].sudo().browse(ids - {None}).exists()
                channels.sudo(False)._ops_check_announcer()
        return super().create(vals_list)
