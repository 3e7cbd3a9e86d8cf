# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class OpsCareerTrack(models.Model):
    """A career track (policy §五(二)1): the management track or the
    professional and technical track, each a ladder of levels."""

    _name = "ops.career.track"
    _description = "Career Track"
    _order = "kind, name"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("management", "Management"), ("technical", "Technical")], required=True
    )
    level_ids = fields.One2many("ops.career.level", "track_id", string="Levels")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
