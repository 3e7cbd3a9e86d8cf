# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15: a month and a dispute change state only through their steps,
and the employee a dispute or a line is about does not settle or correct
it, whatever they send to the server."""

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import AttendanceCommon


@tagged("post_install", "-at_install", "ops_rules")
@freeze_time("2026-04-01 12:00:00")
class TestAttendanceRules(AttendanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An HR officer who is also an employee with a line of their own.
        cls.emp_hr = cls.make_employee("HR Officer", user=cls.user_hr)
        cls.user_hr_2 = ops_user(cls.env, "ops_hr_second", "ops_org.ops_org_group_hr")
        cls.month = cls.env["ops.attendance.month"].create(
            {"date_from": "2026-03-01", "company_id": cls.company.id}
        )
        cls.month.action_compute()
        cls.line_hr = cls.month.line_ids.filtered(lambda line: line.employee_id == cls.emp_hr)
        cls.line_staff = cls.month.line_ids.filtered(
            lambda line: line.employee_id == cls.emp_employee
        )

    def publish(self):
        self.month.with_user(self.user_hr).action_publish()

    def dispute(self, line, user):
        return (
            self.env["ops.attendance.dispute"]
            .with_user(user)
            .create({"line_id": line.id, "reason": "I was at the client."})
        )

    def test_month_state_written_directly_refused(self):
        month = self.month.with_user(self.user_hr)
        for state in ("published", "locked", "draft"):
            error = self.assertRefused(month.write, {"state": state})
            self.assertIsInstance(error, AccessError)
        self.assertRefused(month.write, {"published_date": "2026-04-01"})
        # Through a line's state (related to the month's, read-only): Odoo
        # leaves the month alone.
        self.line_staff.with_user(self.user_hr).write({"state": "locked"})
        self.env.invalidate_all()
        self.assertRefused(
            self.env["ops.attendance.month"].with_user(self.user_hr).create,
            {"date_from": "2026-01-01", "company_id": self.company.id, "state": "published"},
        )
        self.assertEqual(self.month.state, "computed")
        self.assertFalse(self.month.published_date)

    def test_month_steps_in_order(self):
        month = self.month.with_user(self.user_hr)
        self.assertRefused(month.action_lock)  # not published
        month.action_publish()
        self.assertRefused(month.action_publish)
        self.assertRefused(month.action_reset)
        self.assertRefused(self.month.with_user(self.user_head).action_lock)  # not HR
        month.action_lock()
        self.assertEqual(self.month.state, "locked")

    def test_dispute_state_written_directly_refused(self):
        self.publish()
        dispute = self.dispute(self.line_staff, self.user_employee)
        for user in (self.user_employee, self.user_hr):
            error = self.assertRefused(dispute.with_user(user).write, {"state": "accepted"})
            self.assertIsInstance(error, AccessError)
        self.assertRefused(
            dispute.with_user(self.user_hr).write, {"settled_by_id": self.user_hr.id}
        )
        self.assertRefused(
            self.env["ops.attendance.dispute"].with_user(self.user_hr).create,
            {"line_id": self.line_staff.id, "reason": "Forged", "state": "accepted"},
        )
        self.assertEqual(dispute.state, "open")
        self.assertFalse(dispute.settled_by_id)

    def test_disputing_hr_officer_does_not_settle_their_own_dispute(self):
        self.publish()
        dispute = self.dispute(self.line_hr, self.user_hr)
        mine = dispute.with_user(self.user_hr)
        self.assertRefused(mine.write, {"resolution": "Agreed with myself."})
        self.assertRefused(mine.action_accept)
        self.assertRefused(mine.action_reject)
        # Nor corrects the line it disputes.
        self.assertRefused(self.line_hr.with_user(self.user_hr).write, {"late_count": 0})
        self.assertRefused(self.line_hr.with_user(self.user_hr).write, {"note": "Excused"})
        self.assertEqual(dispute.state, "open")
        self.assertFalse(dispute.resolution)
        # Another HR officer settles it.
        dispute.with_user(self.user_hr_2).write({"resolution": "Client visit confirmed."})
        self.line_hr.with_user(self.user_hr_2).write({"late_count": 0, "note": "Client visit"})
        dispute.with_user(self.user_hr_2).action_accept()
        self.assertEqual(dispute.state, "accepted")
        self.assertEqual(dispute.settled_by_id, self.user_hr_2)

    def test_hr_does_not_move_a_line_onto_themselves(self):
        self.line_hr.unlink()
        self.assertRefused(
            self.line_staff.with_user(self.user_hr).write, {"employee_id": self.emp_hr.id}
        )
        self.assertEqual(self.line_staff.employee_id, self.emp_employee)
