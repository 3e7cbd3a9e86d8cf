# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from odoo.addons.ops_confidentiality.models.ops_confidentiality_mixin import LEVEL_RANK


class ProjectProject(models.Model):
    """Projects take the confidentiality classification (policy §七)."""

    _name = "project.project"
    _inherit = ["project.project", "ops.confidentiality.mixin"]

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
