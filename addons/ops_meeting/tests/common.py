# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo import Command

from odoo.addons.ops_org.tests.common import OpsOrgCommon, ops_user


class MeetingCommon(OpsOrgCommon):
    """OpsOrgCommon's roles and a past weekly meeting organised by the head
    of Quality Lab (``user_head``) with ``user_employee`` attending; a
    colleague of the same department who does not attend; an employee of
    another department; a department head and a project lead by role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups):
            return ops_user(cls.env, login, groups, cls.company)

        cls.user_colleague = user("ops_colleague", "ops_org.ops_org_group_employee")
        cls.user_stranger = user("ops_stranger", "ops_org.ops_org_group_employee")
        cls.user_dept_head = user("ops_dept_head", "ops_org.ops_org_group_department_head")
        cls.user_project_lead = user("ops_project_lead", "ops_org.ops_org_group_project_lead")
        Employee = cls.env["hr.employee"]
        Employee.create(
            {
                "name": "Colleague",
                "user_id": cls.user_colleague.id,
                "department_id": cls.department.id,
            }
        )
        cls.studio = cls.env["hr.department"].create({"name": "Studio"})
        Employee.create(
            {"name": "Stranger", "user_id": cls.user_stranger.id, "department_id": cls.studio.id}
        )
        cls.event = cls.make_event(datetime(2026, 3, 2, 2, 0))
        cls.minutes = cls.env["ops.meeting.minutes"].create(
            {"event_id": cls.event.id, "body": "<p>Release 2.0 reviewed.</p>"}
        )
        cls.decision = cls.env["ops.meeting.decision"].create(
            {
                "minutes_id": cls.minutes.id,
                "name": "Fix the login bug",
                "user_id": cls.user_employee.id,
                "deadline": "2026-03-09",
            }
        )

    @classmethod
    def make_event(cls, start, hours=1, **values):
        return cls.env["calendar.event"].create(
            {
                "name": "QA weekly",
                "start": start,
                "stop": start.replace(hour=start.hour + hours),
                "user_id": cls.user_head.id,
                "partner_ids": [Command.set((cls.user_head | cls.user_employee).partner_id.ids)],
                "ops_meeting_type": "weekly",
                "ops_topic": "Release readiness",
                "location": "Room 3",
                **values,
            }
        )
