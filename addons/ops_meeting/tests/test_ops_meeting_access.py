# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import MeetingCommon


@tagged("post_install", "-at_install", "ops_access")
@freeze_time("2026-03-10 12:00:00")
class TestOpsMeetingAccess(MeetingCommon):
    """ACL rows and record rules of templates, minutes and decisions, as each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["ops.meeting.template"].create(
            {"name": "Admin monthly", "meeting_type": "monthly", "user_id": cls.user_admin.id}
        )
        cls.other_minutes = cls.env["ops.meeting.minutes"].create(
            {
                "event_id": cls.make_event(datetime(2026, 3, 3, 2, 0)).id,
                "company_id": cls.other_company.id,
            }
        )

    def rebind(self, record):
        return record.with_env(self.env)

    # ops.meeting.template

    @users("ops_employee")
    def test_employee_reads_templates_only(self):
        # access_ops_meeting_template_employee, ops_meeting_template_rule_employee
        Template = self.env["ops.meeting.template"]
        self.assertIn(self.template, Template.search([]))
        with self.assertRaises(AccessError):
            self.rebind(self.template).write({"name": "Mine now"})
        with self.assertRaises(AccessError):
            Template.create({"name": "Mine", "meeting_type": "weekly"})

    @users("ops_dept_head")
    def test_department_head_manages_own_templates(self):
        # access_ops_meeting_template_department_head, ops_meeting_template_rule_organiser
        own = self.env["ops.meeting.template"].create({"name": "Dept", "meeting_type": "weekly"})
        own.name = "Dept weekly"
        with self.assertRaises(AccessError):
            self.rebind(self.template).write({"name": "Taken"})
        with self.assertRaises(AccessError):
            own.unlink()

    @users("ops_project_lead")
    def test_project_lead_manages_own_templates(self):
        # access_ops_meeting_template_project_lead, ops_meeting_template_rule_organiser
        own = self.env["ops.meeting.template"].create(
            {"name": "Project", "meeting_type": "project"}
        )
        self.assertEqual(own.user_id, self.env.user)
        with self.assertRaises(AccessError):
            self.rebind(self.template).write({"name": "Taken"})

    @users("ops_administration")
    def test_administration_manages_all_templates(self):
        # access_ops_meeting_template_administration, ops_meeting_template_rule_administration
        template = self.env["ops.meeting.template"].create(
            {"name": "Company", "meeting_type": "annual", "user_id": self.user_head.id}
        )
        template.name = "Company annual"
        template.unlink()

    @users("ops_administration")
    def test_template_of_other_company_hidden(self):
        # ops_meeting_template_rule_company
        other = (
            self.env["ops.meeting.template"]
            .sudo()
            .create({"name": "Elsewhere", "company_id": self.other_company.id})
        )
        self.assertNotIn(other, self.env["ops.meeting.template"].search([]))

    def test_outsider_has_no_access(self):
        # no ACL row for users without an ops role
        for model in ("ops.meeting.template", "ops.meeting.minutes", "ops.meeting.decision"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.user_outsider).search([])

    # ops.meeting.minutes

    @users("ops_employee")
    def test_attendee_reads_minutes_not_writes(self):
        # access_ops_meeting_minutes_employee, ops_meeting_minutes_rule_employee (attendee)
        self.assertIn(self.minutes, self.env["ops.meeting.minutes"].search([]))
        with self.assertRaises(AccessError):
            self.rebind(self.minutes).write({"body": "<p>Rewritten</p>"})
        with self.assertRaises(AccessError):
            self.env["ops.meeting.minutes"].create(
                {"event_id": self.make_event(datetime(2026, 3, 4, 2, 0)).id}
            )

    @users("ops_colleague")
    def test_organisers_department_reads_minutes(self):
        # ops_meeting_minutes_rule_employee (organiser's department)
        self.assertIn(self.minutes, self.env["ops.meeting.minutes"].search([]))
        self.assertIn(self.decision, self.env["ops.meeting.decision"].search([]))

    @users("ops_stranger", "ops_hr", "ops_leader")
    def test_others_do_not_see_minutes(self):
        # ops_meeting_minutes_rule_employee, ops_meeting_decision_rule_employee
        self.assertNotIn(self.minutes, self.env["ops.meeting.minutes"].search([]))
        self.assertNotIn(self.decision, self.env["ops.meeting.decision"].search([]))
        with self.assertRaises(AccessError):
            self.rebind(self.minutes).read(["body"])

    @users("ops_line_manager")
    def test_organiser_writes_minutes(self):
        # ops_meeting_minutes_rule_organiser
        minutes = self.rebind(self.minutes)
        minutes.body = "<p>Corrected</p>"
        created = self.env["ops.meeting.minutes"].create(
            {"event_id": self.make_event(datetime(2026, 3, 5, 2, 0)).id}
        )
        self.assertEqual(created.user_id, self.env.user)
        with self.assertRaises(AccessError):
            minutes.unlink()

    @users("ops_administration")
    def test_administration_manages_all_minutes(self):
        # access_ops_meeting_minutes_administration, ops_meeting_minutes_rule_administration
        minutes = self.rebind(self.minutes)
        minutes.body = "<p>Filed</p>"
        self.assertIn(self.decision, self.env["ops.meeting.decision"].search([]))
        minutes.unlink()

    @users("ops_administration")
    def test_minutes_of_other_company_hidden(self):
        # ops_meeting_minutes_rule_company
        self.assertNotIn(self.other_minutes, self.env["ops.meeting.minutes"].search([]))

    # ops.meeting.decision

    @users("ops_stranger")
    def test_owner_sees_own_decision_only(self):
        # ops_meeting_decision_rule_employee (owner), ops_meeting_decision_rule_owner
        decision = (
            self.env["ops.meeting.decision"]
            .sudo()
            .create(
                {
                    "minutes_id": self.minutes.id,
                    "name": "Outside help",
                    "user_id": self.user_stranger.id,
                }
            )
        )
        self.assertEqual(
            self.env["ops.meeting.decision"].search([]) & self.minutes.decision_ids, decision
        )
        self.rebind(decision).action_done()
        self.assertEqual(decision.state, "done")

    @users("ops_employee")
    def test_attendee_cannot_create_decisions(self):
        # access_ops_meeting_decision_employee, ops_meeting_decision_rule_organiser
        self.assertIn(self.decision, self.env["ops.meeting.decision"].search([]))
        with self.assertRaises(AccessError):
            self.env["ops.meeting.decision"].create(
                {"minutes_id": self.minutes.id, "name": "Self-assigned", "user_id": self.env.uid}
            )

    @users("ops_colleague")
    def test_non_owner_cannot_mark_done(self):
        # ops_meeting_decision_rule_owner (write only for the owner)
        with self.assertRaises(AccessError):
            self.rebind(self.decision).action_done()
        with self.assertRaises(AccessError):
            self.rebind(self.decision).write({"note": "Not mine"})

    @users("ops_line_manager")
    def test_organiser_manages_decisions(self):
        # ops_meeting_decision_rule_organiser
        decision = self.env["ops.meeting.decision"].create(
            {"minutes_id": self.minutes.id, "name": "Retest", "user_id": self.user_colleague.id}
        )
        decision.deadline = "2026-03-20"
        with self.assertRaises(AccessError):
            decision.unlink()

    @users("ops_administration")
    def test_administration_manages_all_decisions(self):
        # access_ops_meeting_decision_administration, ops_meeting_decision_rule_administration
        decision = self.rebind(self.decision)
        decision.deadline = "2026-03-30"
        decision.unlink()

    @users("ops_administration")
    def test_decision_of_other_company_hidden(self):
        # ops_meeting_decision_rule_company
        other = (
            self.env["ops.meeting.decision"]
            .sudo()
            .create(
                {
                    "minutes_id": self.other_minutes.id,
                    "name": "Elsewhere",
                    "user_id": self.user_admin.id,
                }
            )
        )
        self.assertNotIn(other, self.env["ops.meeting.decision"].search([]))

    # calendar.event

    def test_calendar_privacy_stays(self):
        # calendar's own privacy: a private meeting's agenda stays hidden from non-attendees
        event = self.make_event(
            datetime(2026, 3, 6, 2, 0), privacy="private", ops_agenda="<p>Secret plan</p>"
        )
        seen = event.with_user(self.user_stranger)
        seen.invalidate_recordset()
        self.assertNotIn("Secret plan", str(seen.ops_agenda or ""))
        attendee = event.with_user(self.user_employee)
        attendee.invalidate_recordset()
        self.assertIn("Secret plan", str(attendee.ops_agenda))
