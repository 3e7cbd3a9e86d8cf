# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .res_company import ANNOUNCERS


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"

    ops_announcement = fields.Boolean(
        string="Announcement Channel",
        readonly=True,
        copy=False,
        help="Only Administration and Leadership post in an announcement channel.",
    )

    def write(self, vals):
        if "ops_announcement" in vals and not self.env.su:
            raise AccessError(
                self.env._("Only the set-up makes a channel an announcement channel.")
            )
        return super().write(vals)

    @api.model
    def _ops_may_announce(self, user):
        return user._is_superuser() or any(user.has_group(group) for group in ANNOUNCERS)

    def _ops_check_announcer(self):
        """Posting in an announcement channel: Administration and Leadership
        only (the superuser for the server's own notices)."""
        if self.filtered("ops_announcement") and not self._ops_may_announce(self.env.user):
            raise AccessError(
                self.env._(
                    "Only Administration and Leadership post in %(channel)s.",
                    channel=self.filtered("ops_announcement")[:1].name,
                )
            )

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *, message_type="notification", **kwargs):
        if message_type == "comment":
            self._ops_check_announcer()
        return super().message_post(message_type=message_type, **kwargs)
