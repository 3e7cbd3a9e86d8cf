# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    ops_bonus_base = fields.Monetary(
        string="Bonus Base",
        currency_field="currency_id",
        groups="ops_org.ops_org_group_hr",
        ops_min=0,
        help="Multiplied by the coefficient of the appraisal grade for the performance bonus.",
    )
    ops_honour_ids = fields.One2many(
        "ops.appraisal.honour",
        "employee_id",
        string="Honours",
        domain=[("state", "=", "approved")],
        # Not on hr.employee.public: users without a role of ours (public
        # employee profiles, Odoo's HR officers) do not read it.
        groups="ops_org.ops_org_group_employee",
    )

    @api.model
    def _ops_decision_field_names(self):
        # The bonus base decides the employee's bonus: nobody sets their own.
        return super()._ops_decision_field_names() | {"ops_bonus_base"}
