# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ops_organization_form = fields.Selection(
        related="company_id.ops_organization_form", readonly=False
    )
    ops_webhook_provider = fields.Selection(
        related="company_id.ops_webhook_provider", readonly=False
    )
    ops_webhook_url = fields.Char(related="company_id.ops_webhook_url", readonly=False)
