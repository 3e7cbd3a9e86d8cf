# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import MeetingCommon


@tagged("post_install", "-at_install", "ops_meeting")
@freeze_time("2026-03-10 12:00:00")
class TestOpsMeeting(MeetingCommon):
    def _activity(self, decision):
        return decision.activity_ids.filtered(
            lambda act: (
                act.activity_type_id
                == self.env.ref("ops_meeting.mail_activity_type_ops_meeting_decision")
            )
        )

    @users("ops_dept_head")
    def test_template_creates_recurring_meetings(self):
        form = Form(self.env["ops.meeting.template"])
        form.name = "QA weekly"
        form.meeting_type = "weekly"
        form.topic = "Release readiness"
        form.location = "Room 3"
        form.agenda = "<p>1. Bugs</p>"
        form.start = datetime(2026, 3, 16, 2, 0)
        form.count = 4
        form.partner_ids.add(self.user_employee.partner_id)
        template = form.save()
        self.assertEqual((template.rrule_type, template.interval), ("weekly", 1))
        # The button answers the meetings to show (issue 15: a value RPC carries).
        action = template.action_create_events()
        events = self.env["calendar.event"].search(action["domain"]).sorted("start")
        self.assertEqual(len(events), 4)
        self.assertEqual(len(events.recurrence_id), 1)
        self.assertEqual(set(events.mapped("ops_meeting_type")), {"weekly"})
        self.assertEqual(events.ops_template_id, template)
        self.assertIn("Bugs", events[-1].ops_agenda)
        self.assertEqual(
            events[0].partner_ids,
            (self.user_employee | self.user_dept_head).partner_id,
        )
        self.assertEqual(template.event_count, 4)
        with self.assertRaises(UserError):
            template.action_create_events()

    def test_quarterly_template_repeats_every_three_months(self):
        form = Form(self.env["ops.meeting.template"])
        form.name = "Quarterly review"
        form.meeting_type = "quarterly"
        self.assertEqual((form.rrule_type, form.interval), ("monthly", 3))
        form.meeting_type = "annual"
        self.assertEqual((form.rrule_type, form.interval), ("yearly", 1))

    def test_template_without_first_meeting_refused(self):
        template = self.env["ops.meeting.template"].create(
            {"name": "No start", "meeting_type": "monthly"}
        )
        with self.assertRaises(UserError):
            template.action_create_events()
        self.assertFalse(template.event_ids)

    @users("ops_line_manager")
    def test_minutes_sent_to_attendees(self):
        event = self.make_event(datetime(2026, 3, 9, 2, 0)).with_env(self.env)
        action = event.action_ops_open_minutes()
        minutes = self.env["ops.meeting.minutes"].browse(action["res_id"])
        self.assertEqual(minutes.department_id, self.department)
        self.assertEqual(event.action_ops_open_minutes()["res_id"], minutes.id)
        with Form(minutes) as form:
            form.body = "<p>Ship on Friday.</p>"
            with form.decision_ids.new() as line:
                line.name = "Write the release notes"
                line.user_id = self.user_employee
                line.deadline = datetime(2026, 3, 13).date()
        minutes.action_send()
        self.assertEqual(minutes.state, "sent")
        message = minutes.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertEqual(message.partner_ids, self.user_employee.partner_id)
        self.assertIn("Write the release notes", message.body)
        self.assertIn("Ship on Friday", message.body)

    def test_minutes_before_meeting_refused(self):
        event = self.make_event(datetime(2026, 3, 12, 2, 0))
        minutes = self.env["ops.meeting.minutes"].create(
            {"event_id": event.id, "body": "<p>Too early</p>"}
        )
        with self.assertRaises(UserError) as caught:
            minutes.action_send()
        self.assertIn("after the meeting", str(caught.exception))
        self.assertEqual(minutes.state, "draft")
        self.assertFalse(minutes.sent_date)

    def test_empty_minutes_refused(self):
        minutes = self.env["ops.meeting.minutes"].create(
            {"event_id": self.make_event(datetime(2026, 3, 3, 2, 0)).id}
        )
        with self.assertRaises(UserError):
            minutes.action_send()

    def test_decision_without_owner_refused(self):
        Decision = self.env["ops.meeting.decision"]
        count = Decision.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Decision.create({"minutes_id": self.minutes.id, "name": "Nobody does it"})
        self.assertIn("needs an owner", str(caught.exception))
        self.assertEqual(Decision.search_count([]), count)
        with self.assertRaises(ValidationError):
            self.decision.write({"user_id": False})
        self.assertEqual(self.decision.user_id, self.user_employee)

    def test_deadline_before_meeting_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["ops.meeting.decision"].create(
                {
                    "minutes_id": self.minutes.id,
                    "name": "Backdated",
                    "user_id": self.user_employee.id,
                    "deadline": "2026-03-01",
                }
            )
        self.assertIn("before the meeting date", str(caught.exception))

    def test_decision_is_an_activity_of_its_owner(self):
        activity = self._activity(self.decision)
        self.assertEqual(activity.user_id, self.user_employee)
        self.assertEqual(str(activity.date_deadline), "2026-03-09")
        self.decision.write({"user_id": self.user_colleague.id, "deadline": "2026-03-11"})
        self.assertEqual(activity.user_id, self.user_colleague)
        self.assertEqual(str(activity.date_deadline), "2026-03-11")

    @users("ops_employee")
    def test_activity_done_marks_decision_done(self):
        decision = self.decision.with_env(self.env)
        self._activity(decision).action_feedback(feedback="Fixed")
        self.assertEqual(decision.state, "done")
        self.assertEqual(str(decision.done_date), "2026-03-10")

    @users("ops_employee")
    def test_owner_marks_decision_done(self):
        decision = self.decision.with_env(self.env)
        decision.action_done()
        self.assertEqual(decision.state, "done")
        self.assertFalse(self._activity(decision))
        with self.assertRaises(UserError):
            decision.action_done()

    @users("ops_employee")
    def test_owner_only_reports_follow_up(self):
        decision = self.decision.with_env(self.env)
        decision.note = "Patch under review"
        with self.assertRaises(AccessError):
            decision.write({"deadline": "2026-04-01"})
        with self.assertRaises(AccessError):
            decision.action_cancel()
        self.assertEqual(decision.state, "open")

    @users("ops_line_manager")
    def test_organiser_cancels_decision(self):
        decision = self.decision.with_env(self.env)
        decision.action_cancel()
        self.assertEqual(decision.state, "cancelled")
        self.assertFalse(self._activity(decision))
        decision.action_reopen()
        self.assertEqual(decision.state, "open")
        self.assertTrue(self._activity(decision))

    @users("ops_line_manager")
    def test_organiser_sees_overdue_decisions(self):
        Decision = self.env["ops.meeting.decision"]
        overdue = Decision.search([("is_overdue", "=", True), ("organiser_id", "=", self.env.uid)])
        self.assertEqual(overdue, self.decision)
        self.assertTrue(overdue.is_overdue)
        self.assertNotIn(self.decision, Decision.search([("is_overdue", "=", False)]))
        action = self.env.ref("ops_meeting.ops_meeting_decision_action_overdue").sudo()
        self.assertIn("search_default_overdue", action.context)

    def test_cron_reminds_organiser_once_a_day(self):
        Decision = self.env["ops.meeting.decision"]
        Decision._cron_remind_overdue()
        reminders = self.decision.message_ids.filtered(
            lambda m: "Overdue decision" in (m.body or "")
        )
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.partner_ids, self.user_head.partner_id)
        Decision._cron_remind_overdue()
        self.assertEqual(
            len(self.decision.message_ids.filtered(lambda m: "Overdue decision" in (m.body or ""))),
            1,
        )

    def test_next_meeting_shows_open_decisions_of_last(self):
        template = self.env["ops.meeting.template"].create(
            {
                "name": "QA weekly",
                "meeting_type": "weekly",
                "user_id": self.user_head.id,
                "start": datetime(2026, 2, 23, 2, 0),
                "count": 3,
            }
        )
        template.action_create_events()
        first, second, third = template.event_ids.sorted("start")
        minutes = self.env["ops.meeting.minutes"].create({"event_id": first.id})
        Decision = self.env["ops.meeting.decision"]
        still_open = Decision.create(
            {"minutes_id": minutes.id, "name": "Open", "user_id": self.user_employee.id}
        )
        Decision.create(
            {"minutes_id": minutes.id, "name": "Done", "user_id": self.user_employee.id}
        ).action_done()
        self.assertEqual(second.ops_previous_decision_ids, still_open)
        self.assertEqual(third.ops_previous_decision_ids, still_open)
        self.assertFalse(first.ops_previous_decision_ids)
        # The attendee sees them too.
        self.assertEqual(second.with_user(self.user_head).ops_previous_decision_ids, still_open)

    def test_meeting_of_same_template_without_recurrence(self):
        template = self.env["ops.meeting.template"].create(
            {"name": "Ad hoc series", "meeting_type": "adhoc", "user_id": self.user_head.id}
        )
        self.event.ops_template_id = template
        later = self.make_event(datetime(2026, 3, 9, 2, 0), ops_template_id=template.id)
        self.assertEqual(later.ops_previous_decision_ids, self.decision)
