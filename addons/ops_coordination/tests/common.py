# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.addons.ops_org.tests.common import OpsOrgCommon, ops_user


class CoordinationCommon(OpsOrgCommon):
    """OpsOrgCommon's roles: ``user_employee`` of Quality Lab (headed by
    ``user_head``) asks Studio (headed by ``user_studio_head``, with
    ``user_designer`` and ``user_designer_2``) for work; a colleague of
    Quality Lab, and an employee of a third department who is neither."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups="ops_org.ops_org_group_employee"):
            return ops_user(cls.env, login, groups, cls.company)

        cls.user_studio_head = user("ops_studio_head")
        cls.user_designer = user("ops_designer")
        cls.user_designer_2 = user("ops_designer_2")
        cls.user_colleague = user("ops_colleague")
        cls.user_stranger = user("ops_stranger")
        Employee = cls.env["hr.employee"]
        cls.emp_studio_head = Employee.create(
            {"name": "Studio Head", "user_id": cls.user_studio_head.id}
        )
        cls.studio = cls.env["hr.department"].create(
            {"name": "Studio", "manager_id": cls.emp_studio_head.id}
        )
        cls.emp_studio_head.department_id = cls.studio
        for login_user, department in (
            (cls.user_designer, cls.studio),
            (cls.user_designer_2, cls.studio),
            (cls.user_colleague, cls.department),
        ):
            Employee.create(
                {
                    "name": login_user.name,
                    "user_id": login_user.id,
                    "department_id": department.id,
                }
            )
        cls.elsewhere = cls.env["hr.department"].create({"name": "Elsewhere"})
        Employee.create(
            {
                "name": "Stranger",
                "user_id": cls.user_stranger.id,
                "department_id": cls.elsewhere.id,
            }
        )
        # Working hours: the standard calendar, in UTC for the tests' clock.
        cls.company.resource_calendar_id.tz = "UTC"
        Response = cls.env["ops.contact.sheet.response"]
        Response.search([("company_id", "=", cls.company.id)]).unlink()
        Response.create(
            {
                "company_id": cls.company.id,
                "priority": "1",
                "response_hours": 8,
                "escalation_hours": 8,
            }
        )

    @classmethod
    def new_sheet(cls, user=None, **values):
        user = user or cls.user_employee
        vals = {
            "subject": "Banner for the launch",
            "request": "<p>Two sizes.</p>",
            "requesting_department_id": cls.department.id,
            "receiving_department_id": cls.studio.id,
            "date_requested": date(2026, 3, 13),
        }
        vals.update(values)
        return cls.env["ops.contact.sheet"].with_user(user).create(vals).with_user(cls.env.user)
