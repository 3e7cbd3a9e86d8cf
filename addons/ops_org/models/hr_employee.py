# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def write(self, vals):
        if "user_id" not in vals:
            return super().write(vals)
        old_users = self.user_id
        res = super().write(vals)
        if self.env["hr.department"].sudo().search_count([("manager_id", "in", self.ids)], limit=1):
            self.env["hr.department"]._ops_sync_department_heads(old_users | self.user_id)
        return res
