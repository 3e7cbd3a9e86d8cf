# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime, timedelta

from pytz import UTC, timezone

from odoo import Command

from odoo.addons.ops_org.tests.common import OpsOrgCommon

TZ = "Asia/Shanghai"


class AttendanceCommon(OpsOrgCommon):
    """OpsOrgCommon's roles, a day schedule 09:00-13:00 / 14:00-18:00 and a
    night schedule 22:00-06:00, both Monday to Friday in Asia/Shanghai, and
    a time off type without allocation, on the approval chain of the policy."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "ops_late_tolerance": 5,
                "ops_early_tolerance": 5,
                "ops_overtime_minimum": 30,
                "ops_dispute_days": 3,
            }
        )
        day_lines = []
        night_lines = []
        for weekday in range(5):
            day_lines += [
                Command.create(
                    {
                        "name": f"Morning {weekday}",
                        "dayofweek": str(weekday),
                        "hour_from": 9,
                        "hour_to": 13,
                        "day_period": "morning",
                    }
                ),
                Command.create(
                    {
                        "name": f"Afternoon {weekday}",
                        "dayofweek": str(weekday),
                        "hour_from": 14,
                        "hour_to": 18,
                        "day_period": "afternoon",
                    }
                ),
            ]
            night_lines += [
                Command.create(
                    {
                        "name": f"Night {weekday}",
                        "dayofweek": str(weekday),
                        "hour_from": 22,
                        "hour_to": 24,
                        "day_period": "afternoon",
                    }
                ),
                Command.create(
                    {
                        "name": f"Night end {weekday + 1}",
                        "dayofweek": str(weekday + 1),
                        "hour_from": 0,
                        "hour_to": 6,
                        "day_period": "morning",
                    }
                ),
            ]
        Calendar = cls.env["resource.calendar"]
        cls.calendar_day = Calendar.create(
            {"name": "Day shift", "tz": TZ, "attendance_ids": [Command.clear(), *day_lines]}
        )
        cls.calendar_night = Calendar.create(
            {"name": "Night shift", "tz": TZ, "attendance_ids": [Command.clear(), *night_lines]}
        )
        for employee in cls.emp_employee | cls.emp_head:
            employee.write({"resource_calendar_id": cls.calendar_day.id, "tz": TZ})
        cls.leave_type = cls.env["hr.leave.type"].create(
            {
                "name": "Personal Leave",
                "requires_allocation": "no",
                "leave_validation_type": "manager",
                "request_unit": "half_day",
                "company_id": cls.company.id,
                "ops_authority_chain": True,
            }
        )

    @classmethod
    def make_employee(cls, name, calendar=None, department=None, user=None):
        return cls.env["hr.employee"].create(
            {
                "name": name,
                "resource_calendar_id": (calendar or cls.calendar_day).id,
                "tz": TZ,
                "department_id": (department or cls.department).id,
                "user_id": user and user.id,
                "company_id": cls.company.id,
            }
        )

    @staticmethod
    def utc(day, hour, minute=0, tz=TZ):
        """Naive UTC datetime of a local time on ``day`` (hour may be 24+)."""
        local = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour, minutes=minute)
        return timezone(tz).localize(local).astimezone(UTC).replace(tzinfo=None)

    @staticmethod
    def working_days(year, month, skip=()):
        day = date(year, month, 1)
        days = []
        while day.month == month:
            if day.weekday() < 5 and day not in skip:
                days.append(day)
            day += timedelta(days=1)
        return days

    @classmethod
    def attend(cls, employee, days, start=(9, 0), end=(18, 0)):
        cls.env["hr.attendance"].create(
            [
                {
                    "employee_id": employee.id,
                    "check_in": cls.utc(day, *start),
                    "check_out": cls.utc(day, *end),
                }
                for day in days
            ]
        )
