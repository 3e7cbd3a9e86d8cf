# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class OpsAppraisalBonusSheet(models.Model):
    _inherit = "ops.appraisal.bonus.sheet"

    def _ops_project_awards(self, appraisals):
        """Project awards (policy §四(二)1): for each employee on the team
        of a project with an award accepted in the cycle's period, the sum
        of award × their share, rounded in the sheet's currency. Employees
        on no such team keep the amount entered by hand."""
        awards = super()._ops_project_awards(appraisals)
        accepted = appraisals._ops_accepted_projects()
        projects = self.env["project.project"].sudo().union(*accepted.values())
        split = projects.filtered("ops_award_amount")._ops_award_split()
        for appraisal in appraisals:
            paid = accepted[appraisal.id].filtered("ops_award_amount")
            if not paid:
                continue
            user_id = appraisal.user_id.id
            awards[appraisal.id] = self.currency_id.round(
                sum(project.ops_award_amount * split[project.id][user_id] for project in paid)
            )
        return awards
