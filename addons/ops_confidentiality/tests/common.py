# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, timedelta

from odoo.tests import TransactionCase

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_user


class ConfidentialityCommon(TransactionCase):
    """Users of each clearance, built as superuser:

    * ``user_cleared``: secret clearance (with an NDA), on the need-to-know
      list of the secret asset;
    * ``user_cleared_other``: secret clearance, not on the list;
    * ``user_uncleared``: internal clearance, on the list;
    * ``user_member``: confidential clearance, member of the department
      named on the confidential asset;
    * ``user_officer``: confidentiality officer; ``user_hr``: HR officer;
      ``user_admin_officer``: administration officer.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        company = cls.env.company
        emp = "ops_org.ops_org_group_employee"

        emp = f"{emp},base.group_allow_export"

        def user(login, groups=emp):
            return ops_user(cls.env, login, groups, company)

        cls.user_cleared = user("conf_cleared")
        cls.user_cleared_other = user("conf_cleared_other")
        cls.user_uncleared = user("conf_uncleared")
        cls.user_member = user("conf_member")
        cls.user_officer = user("conf_officer", f"{emp},ops_org.ops_org_group_confidentiality")
        cls.user_hr = user("conf_hr", f"{emp},ops_org.ops_org_group_hr")
        cls.user_admin_officer = user("conf_admin", f"{emp},ops_org.ops_org_group_administration")
        cls.user_leader = user("conf_leader", f"{emp},ops_org.ops_org_group_leadership")
        cls.department = cls.env["hr.department"].create({"name": "Secret Lab"})
        Employee = cls.env["hr.employee"]
        cls.emp_cleared = cls.cleared_employee(cls.user_cleared, "secret")
        cls.emp_cleared_other = cls.cleared_employee(cls.user_cleared_other, "secret")
        cls.emp_uncleared = Employee.create({"name": "Uncleared", "user_id": cls.user_uncleared.id})
        cls.emp_member = cls.cleared_employee(
            cls.user_member, "confidential", department=cls.department
        )
        Asset = cls.env["ops.ip.asset"]
        cls.secret = Asset.create(
            {
                "name": "Recommendation algorithm",
                "ownership": "own",
                "kind": "software",
                "ops_level": "secret",
                "ops_category": "technical_secret",
                "ops_need_to_know_user_ids": [(6, 0, (cls.user_cleared | cls.user_uncleared).ids)],
            }
        )
        cls.confidential = Asset.create(
            {
                "name": "Client list artwork",
                "ownership": "licensed",
                "kind": "image",
                "ops_level": "confidential",
                "ops_category": "customer_information",
                "ops_need_to_know_department_ids": [(6, 0, cls.department.ids)],
            }
        )
        cls.internal = Asset.create(
            {"name": "Logo", "ownership": "own", "kind": "trademark", "ops_level": "internal"}
        )

    @classmethod
    def cleared_employee(cls, user, clearance, department=None, expiry=None):
        employee = cls.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": department.id if department else False,
            }
        )
        cls.env["ops.nda"].create(
            {
                "employee_id": employee.id,
                "date_signed": date.today() - timedelta(days=30),
                "date_expiry": expiry,
            }
        )
        employee.ops_clearance = clearance
        return employee
