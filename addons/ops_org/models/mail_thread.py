# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _fallback_lang(self):
        # Without a language in the context Odoo posts in the acting user's,
        # and fails on one that is not loaded ("Invalid language code"):
        # every message such a user posts or causes (a decision, an activity
        # done) would be refused. The company's language then (base._ops_lang).
        if not self.env.context.get("lang"):
            return self.with_context(lang=self._ops_lang(self.env.user.lang))
        return self
