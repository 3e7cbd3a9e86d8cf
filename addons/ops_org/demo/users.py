# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data (only called by demo/ops_org_demo.xml)."""

from odoo import api, models


class OpsOrgDemo(models.AbstractModel):
    _name = "ops.org.demo"
    _description = "Demo data: the company's people"

    @api.model
    def _ops_demo_speak_chinese(self, user_ids):
        """The demo users speak Simplified Chinese where it is loaded (the
        demo database of ``setup/run.sh`` loads it before the suite), so that
        what they ask for in the demo is named in Chinese, as they would."""
        if self.env["res.lang"]._lang_get("zh_CN").active:
            self.env["res.users"].browse(user_ids).write({"lang": "zh_CN"})
        return True
