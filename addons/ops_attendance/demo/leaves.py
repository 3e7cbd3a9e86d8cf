# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data (only called by demo/hr_leave_demo.xml)."""

from datetime import timedelta

from dateutil.relativedelta import MO, relativedelta

from odoo import api, fields, models


class OpsAttendanceDemo(models.AbstractModel):
    _name = "ops.attendance.demo"
    _description = "Demo data: time off requested this month"

    @api.model
    def _ops_demo_request_leaves(self, leave_type, requests):
        """Each ``(employee, first working day after the Monday two weeks
        ahead, days, reason)`` of ``requests`` asks for time off as its
        employee would, in their language (so the approval is named as they
        see it). Runs once: an employee who has time off of the type on that
        day already is skipped."""
        monday = fields.Date.context_today(self) + relativedelta(days=14, weekday=MO)
        leave_type = self.env["hr.leave.type"].browse(leave_type)
        Leave = self.env["hr.leave"]
        for employee_id, offset, days, reason in requests:
            employee = self.env["hr.employee"].browse(employee_id)
            user = employee.user_id
            first = monday + timedelta(days=offset)
            if not user or Leave.search_count(
                [
                    ("employee_id", "=", employee.id),
                    ("holiday_status_id", "=", leave_type.id),
                    ("request_date_from", "=", first),
                ]
            ):
                continue
            Leave.with_user(user).with_context(lang=user.lang).create(
                {
                    "name": reason,
                    "holiday_status_id": leave_type.id,
                    "employee_id": employee.id,
                    "request_date_from": first,
                    "request_date_to": first + timedelta(days=days - 1),
                }
            )
        return True
