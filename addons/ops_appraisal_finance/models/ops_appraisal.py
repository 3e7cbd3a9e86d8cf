# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class OpsAppraisal(models.Model):
    """The cost-control result of the employee's department in the cycle's
    period (policy §六(二)1 assessed by finance) as a KPI beside the
    appraisal."""

    _inherit = "ops.appraisal"

    department_cost_score = fields.Float(
        string="Department Cost Control",
        compute="_compute_department_cost_score",
        help="Average score of the department's cost-control indicators assessed for "
        "periods within the cycle (100 = every target met).",
    )
    department_cost_indicator_count = fields.Integer(
        string="Cost Indicators", compute="_compute_department_cost_score"
    )

    @api.depends("department_id", "cycle_id.date_start", "cycle_id.date_end")
    def _compute_department_cost_score(self):
        """One grouped read for all the appraisals shown."""
        self.department_cost_score = 0.0
        self.department_cost_indicator_count = 0
        if not self.cycle_id:
            return
        groups = (
            self.env["ops.cost.indicator"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "assessed"),
                    ("department_id", "in", self.department_id.ids),
                    ("date_from", ">=", min(self.cycle_id.mapped("date_start"))),
                    ("date_to", "<=", max(self.cycle_id.mapped("date_end"))),
                ],
                ["department_id", "date_from:day", "date_to:day"],
                ["score:sum", "__count"],
            )
        )
        for appraisal in self:
            cycle = appraisal.cycle_id
            total = count = 0
            for department, date_from, date_to, score, number in groups:
                if (
                    department == appraisal.department_id
                    and date_from >= cycle.date_start
                    and date_to <= cycle.date_end
                ):
                    total += score
                    count += number
            appraisal.department_cost_indicator_count = count
            appraisal.department_cost_score = total / count if count else 0.0
