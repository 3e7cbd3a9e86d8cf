# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models


class OpsAppraisal(models.Model):
    _inherit = "ops.appraisal"

    ops_accepted_project_ids = fields.Many2many(
        "project.project",
        string="Accepted Projects",
        compute="_compute_ops_accepted_project_ids",
        help="Projects accepted in the period of the cycle on whose team the employee is.",
    )

    @api.depends("user_id", "company_id", "cycle_id.date_start", "cycle_id.date_end")
    @api.depends_context("uid", "tz")
    def _compute_ops_accepted_project_ids(self):
        accepted = self._ops_accepted_projects()
        Project = self.env["project.project"]
        # Only the projects the reader may open.
        visible = Project.browse(
            sorted({p.id for ps in accepted.values() for p in ps})
        )._filtered_access("read")
        for appraisal in self:
            appraisal.ops_accepted_project_ids = visible & Project.browse(
                accepted[appraisal.id].ids
            )

    def _ops_accepted_projects(self):
        """{appraisal id: projects (sudo)} whose acceptance gate passed in
        the period of the appraisal's cycle (in the user's time zone) and on
        whose team the appraised employee's user is. Projects of another
        company are left out. A fixed number of queries for the batch."""
        Project = self.env["project.project"].sudo()
        result = {appraisal.id: Project for appraisal in self}
        # Read the batch at once, whatever recordset it was taken from.
        appraisals = self.with_prefetch().filtered(lambda a: a.user_id and a.cycle_id)
        if not appraisals:
            return result
        windows = {cycle.id: cycle._ops_utc_window() for cycle in appraisals.cycle_id}
        projects = Project.search_fetch(
            [
                ("ops_date_accepted", ">=", min(w[0] for w in windows.values())),
                ("ops_date_accepted", "<", max(w[1] for w in windows.values())),
                ("ops_member_ids.user_id", "in", appraisals.user_id.ids),
            ],
            ["ops_date_accepted", "company_id", "ops_award_amount"],
        )
        by_user = defaultdict(list)
        for project in projects:
            for user in project.ops_member_ids.user_id:
                by_user[user.id].append(project)
        for appraisal in appraisals:
            start, end = windows[appraisal.cycle_id.id]
            result[appraisal.id] = Project.union(
                *(
                    project
                    for project in by_user[appraisal.user_id.id]
                    if start <= project.ops_date_accepted < end
                    and (not project.company_id or project.company_id == appraisal.company_id)
                )
            )
        return result
