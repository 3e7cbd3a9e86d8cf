# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from odoo.addons.ops_confidentiality.models.ops_confidentiality_mixin import LEVEL_RANK


class ProjectProject(models.Model):
    """Projects take the confidentiality classification (policy §七)."""

    _name = "project.project"
    _inherit = ["project.project", "ops.confidentiality.mixin"]
    _ops_harmless_methods = ("action_ops_open_ip_assets", "action_ops_open_need_to_know")

    ops_need_to_know_user_ids = fields.Many2many(
        relation="ops_project_need_to_know_user_rel", column1="project_id", column2="user_id"
    )
    ops_need_to_know_department_ids = fields.Many2many(
        relation="ops_project_need_to_know_department_rel",
        column1="project_id",
        column2="department_id",
    )
    ops_ip_asset_ids = fields.Many2many(
        "ops.ip.asset",
        relation="ops_ip_asset_project_rel",
        column1="project_id",
        column2="asset_id",
        string="Intellectual Property Used",
        help="The licensed fonts, images, music and footage, and the company's own "
        "works, that the project uses.",
    )
    # The form shows counts (one query with the other addons' smart buttons,
    # ``_compute_ops_counts``); the lists open from it.
    ops_ip_asset_count = fields.Integer(
        string="Intellectual Property Count", compute="_compute_ops_counts"
    )
    ops_need_to_know_user_count = fields.Integer(
        string="People Who Need to Know", compute="_compute_ops_counts"
    )
    ops_need_to_know_department_count = fields.Integer(
        string="Departments That Need to Know", compute="_compute_ops_counts"
    )

    @api.model
    def _ops_count_fields(self):
        return {
            **super()._ops_count_fields(),
            "ops_ip_asset_count": "ops_ip_asset_ids",
            "ops_need_to_know_user_count": "ops_need_to_know_user_ids",
            "ops_need_to_know_department_count": "ops_need_to_know_department_ids",
        }

    def action_ops_open_ip_assets(self):
        """The intellectual property the project uses; an asset registered
        from there is used by the project."""
        return self._ops_related_action(
            "ops_confidentiality.ops_ip_asset_action",
            [("project_ids", "in", self.ids)],
            {"default_project_ids": self.ids},
        )

    def action_ops_open_need_to_know(self):
        """Who needs to know, in a dialog of its own."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Who Needs to Know"),
            "res_model": "project.project",
            "res_id": self.id,
            "views": [
                (
                    self.env.ref("ops_confidentiality_project.project_view_form_need_to_know").id,
                    "form",
                )
            ],
            "target": "new",
        }

    def _ops_classified(self):
        # The rank is stored from the level (``_compute_ops_level_rank``); the
        # form reads the level, so the access log of a form's read needs no
        # second query of the project for its rank.
        return self.filtered(lambda project: LEVEL_RANK.get(project.ops_level, 1) >= 2)


class OpsIpAsset(models.Model):
    _inherit = "ops.ip.asset"

    project_ids = fields.Many2many(
        "project.project",
        relation="ops_ip_asset_project_rel",
        column1="asset_id",
        column2="project_id",
        string="Used in Projects",
    )


class ProjectTask(models.Model):
    _inherit = "project.task"
    # A task is as confidential as its project (a task without a project, a
    # private task, follows nothing).
    _ops_classified_by = "project_id"


class ProjectMilestone(models.Model):
    _inherit = "project.milestone"
    _ops_classified_by = "project_id"


class ProjectUpdate(models.Model):
    _inherit = "project.update"
    _ops_classified_by = "project_id"


class ProjectCollaborator(models.Model):
    _inherit = "project.collaborator"
    _ops_classified_by = "project_id"


class ProjectTaskStagePersonal(models.Model):
    _inherit = "project.task.stage.personal"
    _ops_classified_by = "task_id"


class ReportProjectTaskUser(models.Model):
    """The task analysis (an SQL view) shows the rows of the tasks the user
    may read."""

    _inherit = "report.project.task.user"
    _ops_classified_by = "project_id"
