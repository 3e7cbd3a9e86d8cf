# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15 in ops_meeting: the states of minutes and decisions move only
through their steps, decisions stay in their minutes, values are bounded,
and the buttons answer what RPC carries — as the users who tried it."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OPS_SAMPLES

from . import ops_cases  # noqa: F401 - registers the samples
from .common import MeetingCommon


@tagged("post_install", "-at_install", "ops_access", "ops_meeting")
@freeze_time("2026-03-10 12:00:00")
class TestOpsMeetingRules(MeetingCommon):
    def test_minutes_state_written_directly_is_refused(self):
        for user in (self.user_head, self.user_admin):
            minutes = self.minutes.with_user(user)
            self.assertRefused(minutes.write, {"state": "sent"})
            self.assertRefused(minutes.write, {"sent_date": "2026-03-03 10:00:00"})
        self.assertRefused(
            self.env["ops.meeting.minutes"].with_user(self.user_head).create,
            {"event_id": self.make_event(datetime(2026, 3, 4, 2, 0)).id, "state": "sent"},
        )
        self.assertEqual(self.minutes.state, "draft")
        self.assertFalse(self.minutes.sent_date)
        # Through its step, as the organiser; and back.
        self.minutes.with_user(self.user_head).action_send()
        self.assertEqual(self.minutes.state, "sent")
        self.assertRefused(self.minutes.with_user(self.user_head).write, {"state": "draft"})
        self.assertRefused(self.minutes.with_user(self.user_employee).action_draft)
        self.minutes.with_user(self.user_head).action_draft()
        self.assertEqual(self.minutes.state, "draft")
        self.assertFalse(self.minutes.sent_date)

    def test_decision_state_written_directly_is_refused(self):
        owner = self.decision.with_user(self.user_employee)
        self.assertRefused(owner.write, {"state": "done"})
        self.assertRefused(owner.write, {"state": "done", "done_date": "2026-03-10"})
        for user in (self.user_head, self.user_admin):
            decision = self.decision.with_user(user)
            self.assertRefused(decision.write, {"state": "cancelled"})
            self.assertRefused(decision.write, {"done_date": "2026-03-10"})
            self.assertRefused(decision.write, {"reminder_date": "2026-03-10"})
        self.assertRefused(
            self.env["ops.meeting.decision"].with_user(self.user_head).create,
            {
                "minutes_id": self.minutes.id,
                "name": "Done before it starts",
                "user_id": self.user_employee.id,
                "state": "done",
            },
        )
        self.assertEqual(self.decision.state, "open")
        self.assertFalse(self.decision.done_date)
        owner.action_done()
        self.assertEqual(self.decision.state, "done")
        self.assertRefused(owner.action_reopen)
        self.assertRefused(self.decision.with_user(self.user_head).write, {"state": "open"})
        self.decision.with_user(self.user_head).action_reopen()
        self.assertEqual((self.decision.state, self.decision.done_date), ("open", False))

    def test_decision_stays_in_its_minutes(self):
        other = self.env["ops.meeting.minutes"].create(
            {"event_id": self.make_event(datetime(2026, 3, 3, 2, 0)).id}
        )
        self.assertRefused(self.decision.with_user(self.user_head).write, {"minutes_id": other.id})
        self.assertEqual(self.decision.minutes_id, self.minutes)

    def test_template_values_are_bounded(self):
        template = self.env["ops.meeting.template"].with_user(self.user_dept_head)
        for vals in ({"duration": -1}, {"duration": 48}, {"count": 0}, {"interval": 0}):
            self.assertRefused(
                template.create, {"name": "Bounded", "meeting_type": "weekly", **vals}
            )

    def test_create_meetings_answers_an_action(self):
        template = self.env["ops.meeting.template"].create(
            {
                "name": "QA weekly",
                "meeting_type": "weekly",
                "user_id": self.user_head.id,
                "start": datetime(2026, 3, 16, 2, 0),
                "location": "Room 3",
                "count": 2,
            }
        )
        action = template.action_create_events()
        self.assertEqual(action["res_model"], "calendar.event")
        self.assertEqual(self.env["calendar.event"].search(action["domain"]), template.event_ids)
        self.assertEqual(len(template.event_ids), 2)

    def test_samples_are_in_their_first_state(self):
        for model, state in (("ops.meeting.minutes", "draft"), ("ops.meeting.decision", "open")):
            with self.subTest(model=model):
                record = OPS_SAMPLES[model](self)
                self.assertEqual((record._name, record.state), (model, state))
