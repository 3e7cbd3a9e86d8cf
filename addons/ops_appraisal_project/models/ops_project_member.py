# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .project_project import check_award_shares_later


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

    @api.model
    def _ops_subject_paths(self):
        # A member's share of the award is about them.
        return super()._ops_subject_paths() | {"user_id"}

    @api.model
    def _ops_decision_field_names(self):
        return super()._ops_decision_field_names() | {"award_share"}

    @api.depends("user_id", "project_id")
    def _compute_display_name(self):
        for member in self:
            member.display_name = self.env._(
                "%(member)s on %(project)s",
                member=member.user_id.sudo().name or "",
                project=member.project_id.sudo().name or "",
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
        if not check_award_shares_later(self.project_id):
            self.project_id._ops_check_award_shares()

    @api.model_create_multi
    def create(self, vals_list):
        self._ops_check_not_joining_an_award(vals_list)
        return super().create(vals_list)

    def _ops_check_not_joining_an_award(self, vals_list):
        """Putting oneself on the team of a project whose award is set takes
        a part of it: a decision about oneself, left to someone else."""
        if self.env.su:
            return
        for vals in vals_list:
            if vals.get("user_id") != self.env.uid or not vals.get("project_id"):
                continue
            project = self.env["project.project"].sudo().browse(vals["project_id"]).exists()
            if project.ops_award_amount:
                self.new(
                    {"user_id": self.env.uid, "project_id": project.id}
                )._ops_check_not_concerned(
                    project._fields["ops_award_amount"]._description_string(self.env)
                )

    def write(self, vals):
        # Who may not write the team at all hears that first, before the rule
        # on decisions about oneself.
        if not self.env.su and self._ops_decision_field_names() & set(vals):
            self.check_access("write")
        return super().write(vals)

    def unlink(self):
        projects = self.project_id
        res = super().unlink()
        if not check_award_shares_later(projects):
            projects.exists()._ops_check_award_shares()
        return res
