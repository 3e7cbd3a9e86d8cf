# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.tests import tagged

from .common import AttendanceCommon


@tagged("post_install", "-at_install")
class TestAttendanceMonthSchedule(AttendanceCommon):
    """Policy §三(二)1 (每月公布考勤情况): from the first working day of a
    month, the month before is computed as a draft for HR, who is told;
    the daily job runs twice at each moment and makes one summary."""

    def setUp(self):
        super().setUp()
        self.company.resource_calendar_id.tz = "UTC"
        self.Month = self.env["ops.attendance.month"]
        self.Month.search([("company_id", "=", self.company.id)]).sudo().unlink()

    def _run(self, day):
        with freeze_time(day):
            for _ in range(2):
                self.Month._cron_draft_previous_month()
        return self.Month.search([("company_id", "=", self.company.id)])

    def test_computed_on_the_first_working_day_once(self):
        # 1 August 2027 is a Sunday: nothing yet; Monday the 2nd: July.
        self.assertFalse(self._run("2027-08-01 09:00:00"))
        months = self._run("2027-08-02 09:00:00")
        self.assertEqual(len(months), 1)
        self.assertEqual(str(months.date_from), "2027-07-01")
        self.assertEqual(months.state, "computed")
        self.assertTrue(months.line_ids)
        told = months.message_ids.filtered(
            lambda m: self.user_hr.partner_id in m.partner_ids and "review it" in (m.body or "")
        )
        self.assertEqual(len(told), 1)
        # Later days of the month leave it alone.
        self.assertEqual(self._run("2027-08-20 09:00:00"), months)

    def test_a_public_holiday_on_the_first_moves_it(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": "2027-03-01 00:00:00",
                "date_to": "2027-03-01 23:59:59",
            }
        )
        self.assertFalse(self._run("2027-03-01 09:00:00"))
        self.assertEqual(str(self._run("2027-03-02 09:00:00").date_from), "2027-02-01")

    def test_a_month_hr_made_already_is_left_alone(self):
        made = self.Month.create({"company_id": self.company.id, "date_from": "2027-07-01"})
        self.assertEqual(self._run("2027-08-02 09:00:00"), made)
        self.assertEqual(made.state, "draft")
