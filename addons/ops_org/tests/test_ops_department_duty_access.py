# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import OpsOrgCommon


@tagged("post_install", "-at_install", "ops_access")
class TestOpsDepartmentDutyAccess(OpsOrgCommon):
    @users("ops_employee")
    def test_employee_reads_duties_but_cannot_change_them(self):
        # ACL access_ops_department_duty_employee: read only
        duty = self.duty.with_env(self.env)
        self.assertEqual(duty.name, "Test every release.")
        with self.assertRaises(AccessError):
            duty.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.env["ops.department.duty"].create(
                {"department_id": self.department.id, "name": "New"}
            )
        with self.assertRaises(AccessError):
            duty.unlink()

    @users("ops_hr")
    def test_hr_manages_duties(self):
        # ACL access_ops_department_duty_hr: read, write, create, unlink
        Duty = self.env["ops.department.duty"]
        duty = Duty.create({"department_id": self.department.id, "name": "Hire well."})
        duty.write({"name": "Hire and train well."})
        self.assertEqual(duty.name, "Hire and train well.")
        duty.unlink()
        self.assertFalse(duty.exists())

    @users("ops_administration")
    def test_administration_edits_but_cannot_delete_duties(self):
        # ACL access_ops_department_duty_administration: no unlink
        duty = self.duty.with_env(self.env)
        duty.write({"name": "Test every release twice."})
        self.env["ops.department.duty"].create(
            {"department_id": self.department.id, "name": "Archive test reports."}
        )
        with self.assertRaises(AccessError):
            duty.unlink()

    @users("ops_outsider")
    def test_user_without_role_cannot_read_duties(self):
        # No ACL row for a user outside the Operations roles
        with self.assertRaises(AccessError):
            self.duty.with_env(self.env).read(["name"])

    @users("ops_hr")
    def test_duties_of_another_company_are_invisible(self):
        # Record rule ops_department_duty_rule_company
        found = self.env["ops.department.duty"].search([])
        self.assertIn(self.duty, found)
        self.assertNotIn(self.other_duty, found)
        with self.assertRaises(AccessError):
            self.other_duty.with_env(self.env).read(["name"])
