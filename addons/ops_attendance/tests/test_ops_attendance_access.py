# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AttendanceCommon


@tagged("post_install", "-at_install", "ops_access")
@freeze_time("2026-04-01 12:00:00")
class TestAttendanceAccess(AttendanceCommon):
    """ACL rows and record rules of the monthly attendance, as each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_department = cls.env["hr.department"].create(
            {"name": "Studio", "company_id": cls.company.id}
        )
        cls.emp_other = cls.make_employee("Elsewhere", department=cls.other_department)
        cls.month = cls.env["ops.attendance.month"].create(
            {"date_from": "2026-03-01", "company_id": cls.company.id}
        )
        cls.month.action_compute()
        cls.mine = cls.month.line_ids.filtered(lambda line: line.employee_id == cls.emp_employee)
        cls.theirs = cls.month.line_ids.filtered(lambda line: line.employee_id == cls.emp_other)
        cls.Line = "ops.attendance.month.line"

    def visible(self, user, model="ops.attendance.month.line"):
        return self.env[model].with_user(user).search([("month_id", "=", self.month.id)])

    def publish(self):
        self.month.action_publish()

    def test_employee_sees_no_line_before_publication(self):
        # ops_attendance_month_line_rule_employee, ops_attendance_month_rule_employee
        self.assertFalse(self.visible(self.user_employee))
        self.assertFalse(
            self.env["ops.attendance.month"].with_user(self.user_employee).search([]) & self.month
        )

    def test_employee_sees_only_own_line_after_publication(self):
        # ops_attendance_month_line_rule_employee, access_ops_attendance_month_line_employee
        self.publish()
        self.assertEqual(self.visible(self.user_employee), self.mine)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_employee).write(
                {"department_id": self.other_department.id}
            )
        # Their figures are a decision about them: refused before the ACL.
        with self.assertRaises(UserError):
            self.mine.with_user(self.user_employee).write({"late_count": 0})
        self.assertEqual(self.mine.department_id, self.department)

    def test_employee_cannot_change_month(self):
        # access_ops_attendance_month_employee (read only)
        self.publish()
        with self.assertRaises(AccessError):
            self.month.with_user(self.user_employee).write({"dispute_days": 9})

    def test_employee_raises_and_sees_own_dispute_only(self):
        # access_ops_attendance_dispute_employee, ops_attendance_dispute_rule_employee
        self.publish()
        dispute = (
            self.env["ops.attendance.dispute"]
            .with_user(self.user_employee)
            .create({"line_id": self.mine.id, "reason": "Wrong"})
        )
        self.assertEqual(self.visible(self.user_employee, "ops.attendance.dispute"), dispute)
        with self.assertRaises(AccessError):
            self.env["ops.attendance.dispute"].with_user(self.user_employee).create(
                {"line_id": self.theirs.id, "reason": "Not mine"}
            )

    def test_department_head_sees_their_department(self):
        # ops_attendance_month_line_rule_department_head, access_..._department_head
        lines = self.visible(self.user_head)
        self.assertIn(self.mine, lines)
        self.assertNotIn(self.theirs, lines)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_head).write({"late_count": 0})

    def test_department_head_time_off_by_type_of_department(self):
        # ops_attendance_month_leave_rule_department_head
        leaves = self.visible(self.user_head, "ops.attendance.month.leave")
        self.assertFalse(leaves.filtered(lambda line: line.department_id != self.department))

    def test_hr_manages_everything(self):
        # access_ops_attendance_month_hr, ..._line_hr, rules *_rule_hr
        lines = self.visible(self.user_hr)
        self.assertIn(self.mine, lines)
        self.assertIn(self.theirs, lines)
        self.theirs.with_user(self.user_hr).write({"note": "Checked"})
        month = (
            self.env["ops.attendance.month"]
            .with_user(self.user_hr)
            .create({"date_from": "2026-01-01", "company_id": self.company.id})
        )
        month.unlink()

    def test_leadership_reads_all_writes_nothing(self):
        # access_ops_attendance_month_line_leadership, *_rule_leadership
        self.assertIn(self.theirs, self.visible(self.user_leader))
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.user_leader).write({"note": "x"})

    def test_outsider_has_no_access(self):
        # no ACL row for users without an ops role
        with self.assertRaises(AccessError):
            self.visible(self.user_outsider)

    def test_other_company_hidden(self):
        # ops_attendance_month_rule_company
        other = self.env["ops.attendance.month"].create(
            {"date_from": "2026-03-01", "company_id": self.other_company.id}
        )
        self.assertNotIn(other, self.env["ops.attendance.month"].with_user(self.user_hr).search([]))
