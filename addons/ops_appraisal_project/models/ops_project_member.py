# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsProjectMember(models.Model):
    _inherit = "ops.project.member"

    award_share = fields.Float(
        string="Award Share (%)",
        digits=(5, 2),
        help="This member's part of the project award. The shares of a team add up to "
        "100 %, or are all zero: the award is then split equally among the members who "
        "are employees.",
    )
    currency_id = fields.Many2one(related="project_id.currency_id")
    award_amount = fields.Monetary(
        string="Award",
        compute="_compute_award_amount",
        help="This member's part of the project award.",
    )

    @api.depends(
        "award_share",
        "user_id",
        "project_id.ops_award_amount",
        "project_id.ops_member_ids.award_share",
        "project_id.ops_member_ids.user_id",
    )
    def _compute_award_amount(self):
        split = self.project_id._ops_award_split()
        for member in self:
            fraction = split.get(member.project_id.id, {}).get(member.user_id.id, 0.0)
            member.award_amount = member.currency_id.round(
                member.project_id.ops_award_amount * fraction
            )

    @api.constrains("award_share", "project_id")
    def _check_award_share(self):
        for member in self:
            if not 0 <= member.award_share <= 100:
                raise ValidationError(
                    self.env._(
                        "The award share of %(member)s on %(project)s must be between "
                        "0 and 100 %%.",
                        member=member.user_id.name,
                        project=member.project_id.display_name,
                    )
                )
        # Written through the project form, the project checks the whole team
        # once every line is written.
        if not self.env.context.get("ops_award_share_deferred"):
            self.project_id._ops_check_award_shares()

    def unlink(self):
        projects = self.project_id
        res = super().unlink()
        if not self.env.context.get("ops_award_share_deferred"):
            projects.exists()._ops_check_award_shares()
        return res
