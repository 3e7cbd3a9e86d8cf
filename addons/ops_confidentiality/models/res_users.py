# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .ops_confidentiality_mixin import LEVEL_RANK


class ResUsers(models.Model):
    _inherit = "res.users"

    ops_clearance_rank = fields.Integer(
        string="Clearance Rank",
        compute="_compute_ops_clearance_rank",
        store=True,
        help="0 public, 1 internal, 2 confidential, 3 secret: the highest clearance of "
        "the user's employees; portal users see public records only.",
    )

    @api.depends("share", "employee_ids.ops_clearance")
    def _compute_ops_clearance_rank(self):
        for user in self:
            if user.share:
                user.ops_clearance_rank = 0
                continue
            ranks = [LEVEL_RANK[c] for c in user.employee_ids.mapped("ops_clearance") if c]
            user.ops_clearance_rank = max(ranks, default=1)

    def write(self, vals):
        res = super().write(vals)
        if "share" in vals or "groups_id" in vals:
            self.env.registry.clear_cache()
        return res
