# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .ops_confidentiality_mixin import LEVELS


class OpsConfidentialityAccessLog(models.Model):
    """Who read, downloaded or exported a confidential or secret record,
    and when (policy §七). Written by the system, read by the
    confidentiality officer; nobody edits it."""

    _name = "ops.confidentiality.access.log"
    _description = "Confidential Access Log"
    _order = "create_date desc, id desc"
    _log_access = True
    # Opens the record a line is about (its own rules apply).
    _ops_harmless_methods = ("action_open_record",)

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Integer(string="Record ID", required=True, readonly=True, index=True)
    record_name = fields.Char(string="Record", readonly=True)
    level = fields.Selection(LEVELS, readonly=True)
    action = fields.Selection(
        [("read", "Read"), ("download", "Download"), ("export", "Export")],
        required=True,
        readonly=True,
    )
    attachment_id = fields.Many2one("ir.attachment", readonly=True, ondelete="set null")

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
