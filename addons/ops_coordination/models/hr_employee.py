# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class HrEmployee(models.Model):
    """Keeps the departments' channels in step when employees join, move,
    change user or leave."""

    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        employees.department_id._ops_sync_channels()
        return employees

    def write(self, vals):
        moving = {"department_id", "user_id", "active"} & set(vals)
        before = {e: (e.department_id, e.user_id) for e in self.sudo()} if moving else {}
        res = super().write(vals)
        if moving:
            for employee, (department, user) in before.items():
                if user and (
                    department != employee.department_id
                    or user != employee.user_id
                    or not employee.active
                ):
                    department._ops_leave_channel(user)
            self.sudo().department_id._ops_sync_channels()
        return res
