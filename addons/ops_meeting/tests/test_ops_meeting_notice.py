# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Policy §三(二)2 (会议管理): a company meeting has its topic, time, place
and attendees settled in advance, and the attendees are told beforehand so
they can prepare — as the organiser and the attendees would meet it."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.ops_org.tests.common import ops_user

from ..models.calendar_event import notice_due, short_notice
from .common import MeetingCommon

NOW = datetime(2026, 3, 10, 12, 0)


def hours(number):
    return NOW + timedelta(hours=number)


@tagged("post_install", "-at_install", "ops_meeting")
@freeze_time("2026-03-10 12:00:00")
class TestOpsMeetingNotice(MeetingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.ops_meeting_notice_hours = 24
        cls.comment = cls.env.ref("mail.mt_comment")
        cls.Event = cls.env["calendar.event"].with_user(cls.user_head)

    def meeting(self, start, **values):
        """A weekly meeting the head of Quality Lab sets up, with their
        employee and a colleague attending, as that organiser."""
        return self.Event.create(
            {
                "name": "QA weekly",
                "start": start,
                "stop": start + timedelta(hours=1),
                "user_id": self.user_head.id,
                "partner_ids": [
                    Command.set(
                        (self.user_head | self.user_employee | self.user_colleague).partner_id.ids
                    )
                ],
                "ops_meeting_type": "weekly",
                "ops_topic": "Release readiness",
                "ops_agenda": "<ol><li>Open bugs</li></ol>",
                "location": "Room 3",
                **values,
            }
        )

    def notices(self, event):
        return event.message_ids.filtered(
            lambda message: message.message_type == "comment" and message.subtype_id == self.comment
        )

    # -- topic and place -------------------------------------------------------

    def test_window_arithmetic(self):
        self.assertTrue(short_notice(hours(23), NOW, 24))
        self.assertFalse(short_notice(hours(24), NOW, 24))
        self.assertFalse(short_notice(hours(-1), NOW, 24))
        self.assertFalse(short_notice(hours(1), NOW, 0))
        self.assertTrue(notice_due(hours(24), NOW, 24))
        self.assertFalse(notice_due(hours(25), NOW, 24))
        self.assertFalse(notice_due(NOW, NOW, 24))
        self.assertFalse(notice_due(hours(1), NOW, 0))

    def test_meeting_without_topic_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.meeting(hours(48), ops_topic=False)
        self.assertIn("needs a topic", str(caught.exception))
        event = self.meeting(hours(48))
        with self.assertRaises(ValidationError):
            event.write({"ops_topic": " "})
        self.assertEqual(event.ops_topic, "Release readiness")

    def test_meeting_without_place_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.meeting(hours(48), location=False)
        self.assertIn("needs a place", str(caught.exception))
        event = self.meeting(hours(48))
        with self.assertRaises(ValidationError):
            event.write({"location": False})
        # A video call link is a place too.
        online = self.meeting(
            hours(48), location=False, videocall_location="https://meet.example.com/qa"
        )
        self.assertFalse(online.location)
        event.write({"location": False, "videocall_location": "https://meet.example.com/qa"})
        self.assertFalse(event.location)

    def test_past_meeting_not_checked(self):
        event = self.meeting(hours(-3), ops_topic=False, location=False)
        event.name = "QA weekly (held)"
        self.assertFalse(self.notices(event))
        self.assertFalse(event.ops_notice_sent)

    def test_ordinary_events_unchanged(self):
        event = self.Event.create({"name": "Lunch", "start": hours(1), "stop": hours(2)})
        self.assertFalse(event.ops_meeting_type)
        self.assertFalse(self.notices(event))

    # -- notice in advance -----------------------------------------------------

    def test_short_notice_boundary(self):
        self.meeting(hours(25))
        at_boundary = self.meeting(hours(24))
        self.assertFalse(at_boundary.ops_short_notice_reason)
        with self.assertRaises(ValidationError) as caught:
            self.meeting(hours(23))
        self.assertIn("less than 24 hours", str(caught.exception))
        event = self.meeting(hours(23), ops_short_notice_reason="Customer escalation")
        notes = event.message_ids.filtered(lambda m: "Customer escalation" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertEqual(notes.author_id, self.user_head.partner_id)

    def test_short_notice_reason_in_the_form(self):
        with self.assertRaises(ValidationError):
            with Form(self.Event) as form:
                form.name = "QA hotfix"
                form.ops_meeting_type = "adhoc"
                form.ops_topic = "Hotfix review"
                form.location = "Room 3"
                form.start = hours(5)
                form.stop = hours(6)
        with Form(self.Event) as form:
            form.name = "QA hotfix"
            form.ops_meeting_type = "adhoc"
            form.ops_topic = "Hotfix review"
            form.location = "Room 3"
            form.start = hours(5)
            form.stop = hours(6)
            form.ops_short_notice_reason = "Production incident"
        event = form.record
        self.assertEqual(event.ops_short_notice_reason, "Production incident")
        self.assertTrue(event.message_ids.filtered(lambda m: "Production incident" in m.body))

    def test_moving_meeting_to_short_notice_refused(self):
        event = self.meeting(hours(72))
        with self.assertRaises(ValidationError):
            event.write({"start": hours(5), "stop": hours(6)})
        self.assertEqual(event.start, hours(72))
        event.write({"start": hours(5), "stop": hours(6), "ops_short_notice_reason": "Release"})
        self.assertEqual(event.start, hours(5))
        self.assertTrue(event.message_ids.filtered(lambda m: "Release" in (m.body or "")))

    def test_changes_within_notice_period(self):
        event = self.meeting(hours(30))
        with freeze_time(hours(10)):
            # Preparing the meeting needs no reason …
            event.write({"ops_topic": "Release 2.1 readiness", "ops_agenda": "<p>Bugs</p>"})
            # … another place or other attendees do.
            with self.assertRaises(ValidationError):
                event.write({"location": "Room 5"})
            with self.assertRaises(ValidationError):
                event.write({"partner_ids": [Command.link(self.user_hr.partner_id.id)]})
            self.assertEqual(event.location, "Room 3")
            self.assertNotIn(self.user_hr.partner_id, event.partner_ids)

    def test_no_notice_period(self):
        self.company.ops_meeting_notice_hours = 0
        event = self.meeting(hours(1))
        event.write({"start": hours(2), "stop": hours(3)})
        self.Event._cron_ops_meeting_notice()
        self.assertFalse(self.notices(event))
        self.assertFalse(event.ops_notice_sent)

    def test_notice_period_of_the_organisers_company(self):
        self.other_company.ops_meeting_notice_hours = 0
        organiser = ops_user(
            self.env, "ops_other_head", "ops_org.ops_org_group_employee", self.other_company
        )
        event = (
            self.env["calendar.event"]
            .with_user(organiser)
            .create(
                {
                    "name": "Other weekly",
                    "start": hours(2),
                    "stop": hours(3),
                    "user_id": organiser.id,
                    "ops_meeting_type": "weekly",
                    "ops_topic": "Other things",
                    "location": "Room 1",
                }
            )
        )
        self.assertEqual(event.start, hours(2))
        with self.assertRaises(ValidationError):
            self.meeting(hours(2))

    def test_notice_period_is_bounded(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.ops_meeting_notice_hours, 24)
        with self.assertRaises(UserError):
            self.env["res.config.settings"].create({"ops_meeting_notice_hours": 337}).execute()
        with self.assertRaises(UserError):
            self.company.ops_meeting_notice_hours = -1
        self.env["res.config.settings"].create({"ops_meeting_notice_hours": 48}).execute()
        self.assertEqual(self.company.ops_meeting_notice_hours, 48)

    # -- the notice --------------------------------------------------------------

    def test_cron_sends_the_notice_once(self):
        start = hours(48)
        event = self.meeting(start)
        declined = event.attendee_ids.filtered(
            lambda att: att.partner_id == self.user_colleague.partner_id
        )
        declined.with_user(self.user_colleague).do_decline()
        # Attendees follow the meeting, the one who declined too.
        self.assertIn(self.user_colleague.partner_id, event.message_follower_ids.partner_id)
        Event = self.env["calendar.event"]
        with freeze_time(start - timedelta(hours=25)):
            Event._cron_ops_meeting_notice()
            self.assertFalse(self.notices(event))
            self.assertFalse(event.ops_notice_sent)
        with freeze_time(start - timedelta(hours=24)):
            Event._cron_ops_meeting_notice()
            notice = self.notices(event)
            self.assertEqual(len(notice), 1)
            self.assertEqual(event.ops_notice_sent, start - timedelta(hours=24))
            self.assertEqual(notice.author_id, self.user_head.partner_id)
            self.assertEqual(notice.partner_ids, self.user_employee.partner_id)
            self.assertEqual(notice.notification_ids.res_partner_id, self.user_employee.partner_id)
            for part in ("Release readiness", "Room 3", "Open bugs"):
                self.assertIn(part, notice.body)
            Event._cron_ops_meeting_notice()
        with freeze_time(start - timedelta(hours=2)):
            Event._cron_ops_meeting_notice()
        self.assertEqual(len(self.notices(event)), 1)

    def test_no_notice_after_the_start(self):
        start = hours(48)
        event = self.meeting(start)
        with freeze_time(start + timedelta(hours=1)):
            self.env["calendar.event"]._cron_ops_meeting_notice()
        self.assertFalse(self.notices(event))
        self.assertFalse(event.ops_notice_sent)

    def test_short_notice_meeting_notified_at_once(self):
        event = self.meeting(hours(5), ops_short_notice_reason="Production incident")
        self.assertEqual(len(self.notices(event)), 1)
        self.assertEqual(event.ops_notice_sent, NOW)
        self.assertEqual(
            self.notices(event).partner_ids,
            (self.user_employee | self.user_colleague).partner_id,
        )
        self.env["calendar.event"]._cron_ops_meeting_notice()
        self.assertEqual(len(self.notices(event)), 1)

    def test_changed_meeting_notified_again(self):
        start = hours(48)
        event = self.meeting(start)
        sent = start - timedelta(hours=24)
        with freeze_time(sent):
            self.env["calendar.event"]._cron_ops_meeting_notice()
        with freeze_time(sent + timedelta(hours=2)):
            later = start + timedelta(days=2)
            event.write({"start": later, "stop": later + timedelta(hours=1)})
            notices = self.notices(event)
            self.assertEqual(len(notices), 2)
            self.assertIn("has changed", notices[0].body)
            self.assertEqual(event.ops_notice_sent, sent + timedelta(hours=2))
            # The topic is not what the notice is about: nothing sent.
            event.write({"ops_topic": "Release 2.1 readiness"})
            self.assertEqual(len(self.notices(event)), 2)
            # Another place is.
            event.write({"location": "Room 5"})
            self.assertEqual(len(self.notices(event)), 3)
            self.assertIn("Room 5", self.notices(event)[0].body)
            # A new attendee gets the notice too.
            event.write({"partner_ids": [Command.link(self.user_hr.partner_id.id)]})
            self.assertEqual(len(self.notices(event)), 4)
            self.assertEqual(self.notices(event)[0].partner_ids, self.user_hr.partner_id)

    def test_occurrence_of_a_series_made_again_keeps_its_notice(self):
        template = self._series()
        first, second, _third = template.event_ids.sorted("start")
        sent = second.start - timedelta(hours=24)
        with freeze_time(sent):
            self.env["calendar.event"]._cron_ops_meeting_notice()
            self.assertFalse(self.notices(first))
            self.assertEqual(len(self.notices(second)), 1)
        with freeze_time(sent + timedelta(hours=1)):
            # The organiser lengthens the series from the second meeting:
            # calendar makes its occurrences again, at the same times.
            second.with_user(self.user_head).write({"count": 5, "recurrence_update": "all_events"})
            events = template.event_ids.sorted("start")
            self.assertEqual(len(events), 5)
            again = events[1]
            self.assertEqual(again.start, second.start)
            self.assertEqual(again.ops_notice_sent, sent)
            self.env["calendar.event"]._cron_ops_meeting_notice()
            self.assertFalse(self.notices(again))

    def _series(self, count=3):
        template = self.env["ops.meeting.template"].create(
            {
                "name": "QA weekly",
                "meeting_type": "weekly",
                "user_id": self.user_head.id,
                "partner_ids": [Command.set(self.user_employee.partner_id.ids)],
                "topic": "Release readiness",
                "location": "Room 3",
                "start": hours(48),
                "count": count,
            }
        )
        template.action_create_events()
        return template

    def test_series_moved_within_notice_period(self):
        template = self._series()
        first = template.event_ids.sorted("start")[0].with_user(self.user_head)
        later = first.start + timedelta(hours=1)
        with freeze_time(first.start - timedelta(hours=10)):
            moved = {
                "start": later,
                "stop": later + timedelta(hours=1),
                "recurrence_update": "all_events",
            }
            with self.assertRaises(ValidationError):
                first.write(dict(moved))
            self.assertEqual(first.start, later - timedelta(hours=1))
            first.write(dict(moved, ops_short_notice_reason="Room booked late"))
            events = template.event_ids.sorted("start")
            self.assertEqual(events[0].start, later)
            self.assertEqual(len(self.notices(events[0])), 1)
            reasons = events[0].message_ids.filtered(lambda m: "Room booked late" in m.body)
            self.assertEqual(len(reasons), 1)
            self.assertEqual(events[0].ops_notice_sent, first.start - timedelta(hours=11))
            self.assertFalse(events[1:].filtered("ops_notice_sent"))

    def test_following_meetings_changed_keep_their_notice(self):
        template = self._series()
        second = template.event_ids.sorted("start")[1]
        sent = second.start - timedelta(hours=24)
        with freeze_time(sent):
            self.env["calendar.event"]._cron_ops_meeting_notice()
        with freeze_time(sent + timedelta(hours=14)):
            second.with_user(self.user_head).write(
                {"ops_agenda": "<p>Release notes</p>", "recurrence_update": "future_events"}
            )
            events = template.event_ids.sorted("start")
            self.assertEqual(len(events), 3)
            self.assertEqual(events[1], second)
            self.assertEqual(second.ops_notice_sent, sent)
            self.assertEqual(len(self.notices(second)), 1)
            self.assertIn("Release notes", events[2].ops_agenda)
            self.assertFalse(events[2].ops_notice_sent)

    def test_users_cannot_set_the_notice(self):
        event = self.meeting(hours(48))
        for user in (self.user_employee, self.user_head):
            with self.assertRaises(AccessError):
                event.with_user(user).write({"ops_notice_sent": NOW})
        with self.assertRaises(AccessError):
            self.meeting(hours(72), ops_notice_sent=NOW)
        self.assertFalse(event.ops_notice_sent)
