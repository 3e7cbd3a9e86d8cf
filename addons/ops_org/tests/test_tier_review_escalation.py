# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .test_tier_validation import ApprovalCommon

MONDAY = datetime(2026, 3, 9, 9, 0)


@tagged("post_install", "-at_install")
class TestApprovalResponseTimes(ApprovalCommon):
    """Approval response times (policy: 及时): the head's step of the test
    document is due one working day (eight hours of the company calendar,
    08:00–12:00 and 13:00–17:00 in UTC here) after it starts waiting; past it
    the head is reminded once, one response time later their own head gets
    an activity, one more and Leadership may decide in their place. The
    hourly job runs twice at each moment: nothing is doubled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "UTC"
        # Quality Lab sits in a division headed by the administration officer:
        # the head's own head.
        boss = cls.env["hr.employee"].create(
            {"name": "Division Head", "user_id": cls.user_admin.id}
        )
        cls.division = cls.env["hr.department"].create({"name": "Division", "manager_id": boss.id})
        cls.department.parent_id = cls.division

    def setUp(self):
        super().setUp()
        with freeze_time(MONDAY):
            self.record = self._request(self.user_employee)
        self.review = self.record.review_ids

    def _run(self, moment):
        with freeze_time(moment):
            for _ in range(2):
                self.env["tier.review"]._cron_ops_escalate()
        self.env.invalidate_all()
        return self.review.ops_escalation_level

    def _reminders(self, user):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "ops.approval.tester"),
                ("res_id", "=", self.record.id),
                ("subject", "like", "Reminder"),
                ("recipient_ids", "in", user.partner_id.ids),
            ]
        )

    def _todos(self, user):
        return self.record.activity_ids.filtered(
            lambda a: a.user_id == user and not a.ops_tier_review_id
        )

    def test_deadline_from_the_definitions_response_time(self):
        self.assertEqual(self.review.ops_pending_since, MONDAY)
        self.assertEqual(self.review.ops_response_deadline, datetime(2026, 3, 10, 9, 0))
        activity = self._activities(self.record, self.user_head)
        self.assertEqual(str(activity.date_deadline), "2026-03-10")

    def test_response_time_in_working_hours(self):
        self.tier_head.write({"ops_response_unit": "hours", "ops_response_hours": 4})
        with freeze_time(MONDAY):
            record = self._request(self.user_employee)
        # 09:00–12:00 is three hours, the fourth ends at 14:00 after lunch.
        self.assertEqual(record.review_ids.ops_response_deadline, datetime(2026, 3, 9, 14, 0))

    def test_late_step_reminds_then_goes_to_the_heads_head_then_to_leadership(self):
        # Before the deadline: nothing.
        self.assertEqual(self._run(datetime(2026, 3, 10, 8, 59)), 0)
        with freeze_time(datetime(2026, 3, 10, 8, 59)):
            self.review.invalidate_recordset(["ops_is_overdue"])
            self.assertFalse(self.review.ops_is_overdue)
        self.assertFalse(self._reminders(self.user_head))
        # At the deadline: the reviewer is reminded, once.
        self.assertEqual(self._run(datetime(2026, 3, 10, 9, 0)), 1)
        self.assertEqual(len(self._reminders(self.user_head)), 1)
        with freeze_time(datetime(2026, 3, 10, 9, 0)):
            self.review.invalidate_recordset(["ops_is_overdue"])
            self.assertTrue(self.review.ops_is_overdue)
            overdue = (
                self.env["tier.review"]
                .with_user(self.user_leader)
                .search([("ops_is_overdue", "=", True)])
            )
            self.assertIn(self.review, overdue)
            info = self.record.with_user(self.user_employee).ops_waiting_info
            self.assertIn("Department head", info)
            self.assertIn("1 d 0 h", info)
            self.assertIn("late", info)
        self.assertFalse(self._todos(self.user_admin))
        # One response time later (Wednesday 09:00): the head's own head.
        self.assertEqual(self._run(datetime(2026, 3, 11, 8, 59)), 1)
        self.assertEqual(self._run(datetime(2026, 3, 11, 9, 0)), 2)
        self.assertEqual(len(self._todos(self.user_admin)), 1)
        self.assertNotIn(self.user_leader, self.review.reviewer_ids)
        # One more (Thursday 09:00): Leadership reviews it too.
        self.assertEqual(self._run(datetime(2026, 3, 12, 9, 0)), 3)
        self.assertEqual(self.review.ops_escalated_user_ids, self.user_leader | self.user_leader_2)
        self.assertIn(self.user_leader, self.review.reviewer_ids)
        self.assertIn(self.user_head, self.review.reviewer_ids)
        self.assertEqual(len(self._activities(self.record, self.user_leader)), 1)
        self.assertEqual(len(self._reminders(self.user_head)), 1)
        self.assertEqual(len(self._todos(self.user_admin)), 1)
        # Nothing further to escalate to.
        self.assertEqual(self._run(datetime(2026, 3, 20, 9, 0)), 3)
        self.assertEqual(len(self._activities(self.record, self.user_leader)), 1)
        # The leader decides in the head's place, and the chatter says so.
        self._activities(self.record, self.user_leader).with_user(
            self.user_leader
        ).action_ops_approve()
        self.assertEqual(self.record.validation_status, "validated")
        self.assertTrue(
            self.record.message_ids.filtered(lambda m: "in the place of its reviewers" in m.body)
        )
        self.assertFalse(self._activities(self.record, self.user_head))

    def test_leadership_never_escalated_their_own_request(self):
        record = None
        with freeze_time(MONDAY):
            self.env["hr.employee"].create(
                {
                    "name": "Leader",
                    "user_id": self.user_leader_2.id,
                    "department_id": self.department.id,
                }
            )
            record = self._request(self.user_leader_2)
        review = record.review_ids
        with freeze_time(datetime(2026, 3, 12, 9, 0)):
            self.env["tier.review"]._cron_ops_escalate()
        self.assertEqual(review.ops_escalation_level, 3)
        self.assertNotIn(self.user_leader_2, review.reviewer_ids)
        self.assertIn(self.user_leader, review.reviewer_ids)
        self.assertRefused(record.with_user(self.user_leader_2)._ops_approve)

    def test_decided_in_time_is_never_escalated(self):
        with freeze_time(datetime(2026, 3, 9, 15, 0)):
            self.record.with_user(self.user_head)._ops_approve()
        self.assertEqual(self._run(datetime(2026, 3, 20, 9, 0)), 0)
        self.assertFalse(self._reminders(self.user_head))

    def test_escalation_fields_written_only_by_the_job(self):
        for vals in (
            {"ops_escalated_user_ids": [(4, self.user_employee.id)]},
            {"ops_response_deadline": "2030-01-01 00:00:00"},
            {"ops_escalation_level": 3},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(self.review.with_user(self.user_employee).write, vals)
