# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class HrEmployee(models.Model):
    """Employees. The one rule of the suite for "who manages this employee"
    is ``_ops_manager_users``. Fields of other addons that decide about the
    employee (bonus base, clearance …) join ``_ops_decision_field_names``."""

    _inherit = "hr.employee"

    _ops_subject_fields = ("user_id",)

    def write(self, vals):
        if "user_id" not in vals:
            return super().write(vals)
        old_users = self.user_id
        res = super().write(vals)
        if self.env["hr.department"].sudo().search_count([("manager_id", "in", self.ids)], limit=1):
            self.env["hr.department"]._ops_sync_department_heads(old_users | self.user_id)
        return res

    def _ops_manager_users(self, exclude=None):
        """Who manages this employee: their manager (Odoo's *Manager*, which
        Odoo fills from the department's head) when that is someone else
        with a user; otherwise the head of their department, walking up the
        departments past anyone in ``exclude`` (and the employee); at the
        top, Leadership."""
        self.ensure_one()
        # sudo: reads the employee's manager and department to name a user;
        # nothing else of the employee comes out.
        employee = self.sudo()
        exclude = (exclude or self.env["res.users"]) | employee.user_id.sudo(False)
        manager = employee.parent_id.user_id
        if manager and manager.active and manager not in exclude:
            return manager.sudo(False)
        return employee.department_id._ops_head_users(exclude=exclude)
