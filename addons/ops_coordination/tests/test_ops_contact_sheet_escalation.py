# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CoordinationCommon

MONDAY = datetime(2026, 3, 9, 9, 0)


@tagged("post_install", "-at_install")
class TestContactSheetEscalation(CoordinationCommon):
    """Late sheets escalate one step per interval (8 working hours here, on
    the company's calendar: 08:00–12:00 and 13:00–17:00, Monday to
    Friday): a sheet nobody answered goes to the receiving head again, then
    to Leadership; a sheet past its promised date reminds its owner, then
    goes to the receiving head, then to Leadership. The hourly job is run
    twice at each moment: nothing is doubled."""

    def setUp(self):
        super().setUp()
        with freeze_time(MONDAY):
            self.sheet = self.new_sheet()
            self.sheet.with_user(self.user_employee).action_submit()

    def _run(self, moment):
        with freeze_time(moment):
            for _ in range(2):
                self.env["ops.contact.sheet"]._cron_escalate()
            self.env.invalidate_all()
            return self.sheet.escalation_level

    def _overdue(self, moment):
        with freeze_time(moment):
            self.sheet.invalidate_recordset(["is_overdue"])
            return self.sheet.is_overdue

    def _activities(self, user):
        return self.sheet.activity_ids.filtered(lambda a: a.user_id == user)

    def _messages(self, user, text):
        return self.sheet.message_ids.filtered(
            lambda m: user.partner_id in m.partner_ids and text in (m.body or "")
        )

    def test_unanswered_sheet_before_at_and_after_its_deadline(self):
        self.assertEqual(self.sheet.response_deadline, datetime(2026, 3, 10, 9, 0))
        self.assertEqual(self._run(datetime(2026, 3, 10, 8, 59)), 0)
        self.assertFalse(self._overdue(datetime(2026, 3, 10, 8, 59)))
        self.assertTrue(self._overdue(datetime(2026, 3, 10, 9, 0)))
        with freeze_time(datetime(2026, 3, 10, 9, 0)):
            self.assertIn(
                self.sheet, self.env["ops.contact.sheet"].search([("is_overdue", "=", True)])
            )
        # At the deadline: the receiving head is told it is late, once.
        self.assertEqual(self._run(datetime(2026, 3, 10, 9, 0)), 1)
        self.assertEqual(len(self._messages(self.user_studio_head, "is late")), 1)
        self.assertEqual(len(self._activities(self.user_studio_head)), 2)
        self.assertFalse(self._activities(self.user_leader))
        # Eight working hours later (Tuesday 09:00–12:00 and 13:00–17:00 are
        # seven, the eighth ends Wednesday 09:00): Leadership.
        self.assertEqual(self._run(datetime(2026, 3, 11, 8, 59)), 1)
        self.assertEqual(self._run(datetime(2026, 3, 11, 9, 0)), 2)
        self.assertEqual(len(self._activities(self.user_leader)), 1)
        self.assertEqual(len(self._activities(self.user_leader_2)), 1)
        self.assertEqual(len(self._messages(self.user_leader, "is late")), 1)
        # Nothing more to escalate to.
        self.assertEqual(self._run(datetime(2026, 3, 20, 9, 0)), 2)
        self.assertEqual(len(self._activities(self.user_leader)), 1)
        # The escalated leader decides in the head's place.
        with freeze_time(datetime(2026, 3, 11, 10, 0)):
            self.sheet.with_user(self.user_leader).action_accept(
                owner_id=self.user_designer.id, date_promised=date(2026, 3, 13)
            )
        self.assertTrue(self.sheet.decided_in_place)
        self.assertEqual(self.sheet.escalation_level, 0)
        self.assertFalse(self._activities(self.user_leader))

    def test_weekend_and_holiday_do_not_count(self):
        # Submitted on Friday 16:00: the eight hours would run to Monday
        # 16:00 (one on Friday, four in the morning, three after lunch); a
        # public holiday on that Monday moves it to Tuesday 16:00.
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": datetime(2026, 3, 16, 0, 0),
                "date_to": datetime(2026, 3, 16, 23, 59),
            }
        )
        with freeze_time(datetime(2026, 3, 13, 16, 0)):
            sheet = self.new_sheet(date_requested=date(2026, 3, 20))
            sheet.with_user(self.user_employee).action_submit()
        self.assertEqual(sheet.response_deadline, datetime(2026, 3, 17, 16, 0))

    def test_late_work_reminds_the_owner_then_the_head_then_leadership(self):
        with freeze_time(datetime(2026, 3, 9, 10, 0)):
            self.sheet.with_user(self.user_studio_head).action_accept(
                owner_id=self.user_designer.id, date_promised=date(2026, 3, 11)
            )
        # Before the end of the promised day: nothing.
        self.assertEqual(self._run(datetime(2026, 3, 11, 23, 59)), 0)
        self.assertFalse(self._overdue(datetime(2026, 3, 11, 23, 59)))
        self.assertTrue(self._overdue(datetime(2026, 3, 12, 0, 0)))
        # The day after: the owner is reminded (once).
        self.assertEqual(self._run(datetime(2026, 3, 12, 0, 0)), 1)
        self.assertEqual(len(self._messages(self.user_designer, "Reminder")), 1)
        self.assertFalse(self._messages(self.user_studio_head, "is late"))
        # Eight working hours after midnight (Thursday 08:00 + 8 h, with
        # the lunch hour: Thursday 17:00): the receiving head.
        self.assertEqual(self._run(datetime(2026, 3, 12, 16, 59)), 1)
        self.assertEqual(self._run(datetime(2026, 3, 12, 17, 0)), 2)
        self.assertEqual(len(self._messages(self.user_studio_head, "is late")), 1)
        # Eight more: Friday 17:00, Leadership.
        self.assertEqual(self._run(datetime(2026, 3, 13, 17, 0)), 3)
        self.assertEqual(len(self._messages(self.user_leader, "is late")), 1)
        self.assertEqual(len(self._activities(self.user_leader)), 1)
        # Reported done: no longer late, the escalation starts again if reopened.
        self.sheet.with_user(self.user_designer).action_done()
        self.assertFalse(self._overdue(datetime(2026, 3, 20, 9, 0)))
        self.assertEqual(self._run(datetime(2026, 3, 20, 9, 0)), 3)

    def test_two_jobs_at_once_escalate_once(self):
        # The row is locked and the level read again: a second pass finds the
        # step taken (as a second worker would after the first committed).
        with freeze_time(datetime(2026, 3, 10, 9, 0)):
            sheets = self.env["ops.contact.sheet"].search([("id", "=", self.sheet.id)])
            sheets._ops_escalate(datetime(2026, 3, 10, 9, 0))
            sheets.invalidate_recordset()
            sheets._ops_escalate(datetime(2026, 3, 10, 9, 0))
        self.assertEqual(len(self._messages(self.user_studio_head, "is late")), 1)
