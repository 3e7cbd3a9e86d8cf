# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
from datetime import date

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import AttendanceCommon

HOLIDAY = date(2026, 3, 10)


@tagged("post_install", "-at_install")
@freeze_time("2026-04-01 12:00:00")
class TestAttendanceMonth(AttendanceCommon):
    """March 2026 in Asia/Shanghai (UTC+8): 22 weekdays, one of them
    (10 March) a public holiday of the day schedule, so 21 working days;
    the night schedule has no holiday (22 nights)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.ops_leave_policy = False
        # Created without a schedule (Odoo would read the dates in the
        # user's time zone), then given the day schedule.
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "company_id": cls.company.id,
                "calendar_id": False,
                "resource_id": False,
                "date_from": cls.utc(HOLIDAY, 0),
                "date_to": cls.utc(HOLIDAY, 24),
                "time_type": "leave",
            }
        ).calendar_id = cls.calendar_day
        cls.days = cls.working_days(2026, 3, skip=(HOLIDAY,))
        cls.other_department = cls.env["hr.department"].create(
            {"name": "Studio", "company_id": cls.company.id}
        )
        # Staff (user_employee's employee): on time every day but one late
        # arrival (20 min) and one arrival within the tolerance (3 min).
        late, tolerated = date(2026, 3, 3), date(2026, 3, 4)
        cls.attend(cls.emp_employee, [d for d in cls.days if d not in (late, tolerated)])
        cls.attend(cls.emp_employee, [late], start=(9, 20))
        cls.attend(cls.emp_employee, [tolerated], start=(9, 3))
        # Early: leaves at 17:00 on 5 March.
        cls.emp_early = cls.make_employee("Early", department=cls.other_department)
        early = date(2026, 3, 5)
        cls.attend(cls.emp_early, [d for d in cls.days if d != early])
        cls.attend(cls.emp_early, [early], end=(17, 0))
        # Absent: no attendance and no time off on 6 March; works 4 hours on
        # the public holiday (overtime).
        cls.emp_absent = cls.make_employee("Absent")
        cls.attend(cls.emp_absent, [d for d in cls.days if d != date(2026, 3, 6)])
        cls.attend(cls.emp_absent, [HOLIDAY], start=(10, 0), end=(14, 0))
        # Half day: morning off on 9 March, arrives at 14:00.
        cls.emp_half = cls.make_employee("Half")
        half = date(2026, 3, 9)
        cls.attend(cls.emp_half, [d for d in cls.days if d != half])
        cls.attend(cls.emp_half, [half], start=(14, 0))
        leave = cls.env["hr.leave"].create(
            {
                "employee_id": cls.emp_half.id,
                "holiday_status_id": cls.leave_type.id,
                "request_date_from": half,
                "request_date_to": half,
                "request_unit_half": True,
                "request_date_from_period": "am",
            }
        )
        leave.action_validate()
        # Night shift 22:00-06:00, one arrival at 22:30 on 11 March, one
        # hour of overtime (until 07:00) on 12 March.
        cls.emp_night = cls.make_employee("Night", calendar=cls.calendar_night)
        nights = [
            d for d in cls.working_days(2026, 3) if d not in (date(2026, 3, 11), date(2026, 3, 12))
        ]
        cls.attend(cls.emp_night, nights, start=(22, 0), end=(30, 0))
        cls.attend(cls.emp_night, [date(2026, 3, 11)], start=(22, 30), end=(30, 0))
        cls.attend(cls.emp_night, [date(2026, 3, 12)], start=(22, 0), end=(31, 0))
        cls.month = cls.env["ops.attendance.month"].create(
            {"date_from": "2026-03-01", "company_id": cls.company.id}
        )

    def line(self, employee):
        return self.month.line_ids.filtered(lambda line: line.employee_id == employee)

    def compute(self):
        self.month.with_user(self.user_hr).action_compute()

    def test_on_time_and_late_arrival_in_asia_shanghai(self):
        self.compute()
        line = self.line(self.emp_employee)
        self.assertEqual(line.planned_days, 21)
        self.assertEqual(line.worked_days, 21)
        self.assertEqual(line.late_count, 1)
        self.assertEqual(line.late_minutes, 20)
        self.assertEqual(line.early_count, 0)
        self.assertEqual(line.absence_days, 0)
        self.assertEqual(line.department_id, self.department)

    def test_early_departure(self):
        self.compute()
        line = self.line(self.emp_early)
        self.assertEqual(line.early_count, 1)
        self.assertEqual(line.early_minutes, 60)
        self.assertEqual(line.late_count, 0)

    def test_absence_and_public_holiday(self):
        self.compute()
        line = self.line(self.emp_absent)
        self.assertEqual(line.planned_days, 21)
        self.assertEqual(line.absence_days, 1)
        self.assertEqual(line.worked_days, 20)
        # 4 hours on the public holiday are overtime, not a working day.
        self.assertAlmostEqual(line.overtime_hours, 4)

    def test_half_day_leave(self):
        self.compute()
        line = self.line(self.emp_half)
        leave = self.env["hr.leave"].search([("employee_id", "=", self.emp_half.id)])
        self.assertEqual(
            line.leave_days, 0.5, (leave.date_from, leave.date_to, line.leave_ids.hours)
        )
        self.assertEqual(line.leave_ids.leave_type_id, self.leave_type)
        self.assertEqual(line.leave_ids.days, 0.5)
        self.assertEqual(line.worked_days, 20.5)
        self.assertEqual(line.absence_days, 0)
        self.assertEqual(line.late_count, 0, "arriving after the half day off is on time")

    def test_night_shift_crossing_midnight(self):
        self.compute()
        line = self.line(self.emp_night)
        self.assertEqual(line.planned_days, 22)
        self.assertEqual(line.worked_days, 22)
        self.assertEqual(line.absence_days, 0)
        self.assertEqual(line.late_count, 1)
        self.assertEqual(line.late_minutes, 30)
        self.assertEqual(line.early_count, 0)
        self.assertAlmostEqual(line.overtime_hours, 1)

    def test_tolerances_are_settings(self):
        self.company.ops_late_tolerance = 30
        self.compute()
        self.assertEqual(self.line(self.emp_employee).late_count, 0)

    def test_publish_dispute_settle_lock(self):
        with self.assertRaises(UserError):
            self.month.with_user(self.user_hr).action_publish()  # not computed
        self.compute()
        self.month.with_user(self.user_hr).action_publish()
        self.assertEqual(self.month.state, "published")
        self.assertEqual(self.month.dispute_deadline, date(2026, 4, 4))
        line = self.line(self.emp_employee)
        dispute_form = Form(self.env["ops.attendance.dispute"].with_user(self.user_employee))
        dispute_form.line_id = line.with_user(self.user_employee)
        dispute_form.reason = "I was at the client on 3 March."
        dispute = dispute_form.save()
        with self.assertRaises(UserError):
            self.month.with_user(self.user_hr).action_lock()  # open dispute
        with self.assertRaises(AccessError):
            dispute.with_user(self.user_employee).action_accept()
        line.with_user(self.user_hr).write({"late_count": 0, "note": "Client visit"})
        dispute.with_user(self.user_hr).write({"resolution": "Corrected."})
        dispute.with_user(self.user_hr).action_accept()
        self.assertEqual(dispute.state, "accepted")
        self.month.with_user(self.user_hr).action_lock()
        self.assertEqual(self.month.state, "locked")

    def test_dispute_after_the_deadline_refused(self):
        self.compute()
        self.month.with_user(self.user_hr).action_publish()
        line = self.line(self.emp_employee)
        with freeze_time("2026-04-05 12:00:00"), self.assertRaises(UserError):
            self.env["ops.attendance.dispute"].with_user(self.user_employee).create(
                {"line_id": line.id, "reason": "Too late"}
            )

    def test_locked_month_refuses_any_change(self):
        self.compute()
        self.month.with_user(self.user_hr).action_publish()
        self.month.with_user(self.user_hr).action_lock()
        line = self.line(self.emp_employee).with_user(self.user_hr)
        with self.assertRaises(UserError):
            line.write({"late_count": 0})
        with self.assertRaises(UserError):
            line.unlink()
        with self.assertRaises(UserError):
            self.month.with_user(self.user_hr).write({"dispute_days": 9})
        with self.assertRaises(UserError):
            self.month.with_user(self.user_hr).action_compute()
        with self.assertRaises(UserError):
            self.env["ops.attendance.dispute"].with_user(self.user_employee).create(
                {"line_id": line.id, "reason": "Late"}
            )

    def test_excel_export_one_sheet_per_department(self):
        self.compute()
        report = self.env.ref("ops_attendance.ops_attendance_month_report_xlsx")
        content, _kind = report.with_user(self.user_hr)._render(report.report_name, self.month.ids)
        book = load_workbook(io.BytesIO(content))
        self.assertIn("Quality Lab", book.sheetnames)
        self.assertIn("Studio", book.sheetnames)
        sheet = book["Studio"]
        self.assertEqual(sheet.cell(3, 1).value, "Employee")
        self.assertEqual(sheet.cell(4, 1).value, "Early")

    def test_queries_do_not_grow_with_employees(self):
        self.compute()
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        self.month.action_compute()
        few = self.env.cr.sql_log_count - queries
        for index in range(30):
            employee = self.make_employee(f"Extra {index}")
            self.attend(employee, self.days[:2])
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        self.month.action_compute()
        many = self.env.cr.sql_log_count - queries
        # At most one more read (the cache differs between the two runs);
        # the benchmark shows equal counts at 200 and 1,000 employees.
        self.assertLessEqual(many, few + 1)
