# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_operations_analysis_months = fields.Integer(
        string="Operations Analysis Period (Months)",
        default=1,
        ops_min=0,
        ops_max=12,
        help="Policy §三(一)7 (定期): every project in operation and maintenance gets an "
        "operations-analysis deliverable for each period of this many months (1, 2, 3, 4, 6 "
        "or 12, counted from January; 0: none).",
    )
    ops_operations_analysis_days = fields.Integer(
        string="Operations Analysis Due (Days)",
        default=10,
        ops_min=0,
        ops_max=90,
        help="The analysis of a period is due this many days after the period ends.",
    )

    @api.constrains("ops_operations_analysis_months")
    def _check_ops_operations_analysis_months(self):
        for company in self:
            months = company.ops_operations_analysis_months
            if months and 12 % months:
                raise ValidationError(
                    self.env._(
                        "The operations analysis period must divide the year: 1, 2, 3, 4, 6 "
                        "or 12 months (0 for none)."
                    )
                )
