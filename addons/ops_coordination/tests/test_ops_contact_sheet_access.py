# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import CoordinationCommon


@tagged("post_install", "-at_install", "ops_access")
@freeze_time("2026-03-09 09:00:00")
class TestContactSheetAccess(CoordinationCommon):
    """One test per access row and record rule of the contact sheets and
    their response times."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-03-09 09:00:00"):
            cls.sheet = cls.new_sheet()
            cls.sheet.with_user(cls.user_employee).action_submit()

    def _visible(self, user, model="ops.contact.sheet"):
        return self.env[model].with_user(user).search([])

    def test_requester_and_both_departments_read_it(self):
        # ops_contact_sheet_rule_employee
        for user in (
            self.user_employee,
            self.user_colleague,
            self.user_head,
            self.user_studio_head,
            self.user_designer,
        ):
            with self.subTest(user=user.login):
                self.assertIn(self.sheet, self._visible(user))
                self.sheet.with_user(user).read(["subject", "request"])

    def test_owner_reads_it_after_moving_department(self):
        # ops_contact_sheet_rule_employee (owner_id)
        self.sheet.with_user(self.user_studio_head).action_accept(
            owner_id=self.user_designer.id, date_promised=date(2026, 3, 12)
        )
        self.user_designer.employee_id.department_id = self.elsewhere
        self.assertIn(self.sheet, self._visible(self.user_designer))

    def test_others_read_nothing(self):
        # ops_contact_sheet_rule_employee: an employee of a third department
        self.assertNotIn(self.sheet, self._visible(self.user_stranger))
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.user_stranger).read(["subject"])
        # access rows: no group of ours, no access at all
        with self.assertRaises(AccessError):
            self._visible(self.user_outsider)

    def test_leadership_reads_all_writes_none(self):
        # ops_contact_sheet_rule_leadership
        self.assertIn(self.sheet, self._visible(self.user_leader))
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.user_leader).write({"subject": "Rewritten"})

    def test_administration_manages_all(self):
        # access_ops_contact_sheet_administration, ops_contact_sheet_rule_administration
        self.assertIn(self.sheet, self._visible(self.user_admin))
        self.sheet.with_user(self.user_admin).write({"subject": "Banner (corrected)"})
        draft = self.new_sheet()
        draft.with_user(self.user_admin).unlink()
        self.assertFalse(draft.exists())
        # A submitted sheet is kept (the workflow's rule).
        self.assertRefused(self.sheet.with_user(self.user_admin).unlink)

    def test_requester_writes_own_draft_only(self):
        # ops_contact_sheet_rule_requester, access_ops_contact_sheet_employee
        draft = self.new_sheet()
        draft.with_user(self.user_employee).write({"subject": "Banner, three sizes"})
        with self.assertRaises(AccessError):
            draft.with_user(self.user_colleague).write({"subject": "Mine now"})
        with self.assertRaises(AccessError):
            self.sheet.with_user(self.user_employee).write({"subject": "After submission"})
        with self.assertRaises(AccessError):
            draft.with_user(self.user_employee).unlink()

    def test_employee_creates_as_themselves(self):
        # ops_contact_sheet_rule_requester (create), the requester is the creator
        sheet = self.new_sheet(user=self.user_colleague)
        self.assertEqual(sheet.requested_by_id, self.user_colleague)
        self.assertRefused(
            self.env["ops.contact.sheet"].with_user(self.user_colleague).create,
            {
                "subject": "On behalf",
                "requesting_department_id": self.department.id,
                "receiving_department_id": self.studio.id,
                "date_requested": "2026-03-13",
                "requested_by_id": self.user_employee.id,
            },
        )

    def test_company_rule(self):
        # ops_contact_sheet_rule_company
        other = self.other_company
        user = ops_user(self.env, "ops_other_admin", "ops_org.ops_org_group_administration", other)
        self.assertNotIn(self.sheet, self._visible(user))

    def test_response_times_read_by_all_set_by_administration(self):
        # access_ops_contact_sheet_response_employee / _administration
        Response = "ops.contact.sheet.response"
        response = self._visible(self.user_employee, Response)
        self.assertTrue(response)
        with self.assertRaises(AccessError):
            response.with_user(self.user_employee).write({"response_hours": 1})
        response.with_user(self.user_admin).write({"response_hours": 4})
        self.assertRefused(response.with_user(self.user_admin).write, {"response_hours": -1})

    def test_response_times_company_rule(self):
        # ops_contact_sheet_response_rule_company
        other = self.env["ops.contact.sheet.response"].create(
            {"company_id": self.other_company.id, "priority": "3"}
        )
        self.assertNotIn(other, self._visible(self.user_admin, "ops.contact.sheet.response"))

    def test_step_wizard_reaches_only_the_sheets_checks(self):
        # access_ops_contact_sheet_step_employee: anyone opens it, the sheet decides
        Step = self.env["ops.contact.sheet.step"].with_user(self.user_designer)
        step = Step.create(
            {
                "sheet_id": self.sheet.id,
                "step": "accept",
                "owner_id": self.user_designer.id,
                "date_promised": "2026-03-12",
            }
        )
        self.assertRefused(step.action_apply)
        self.assertEqual(self.sheet.state, "submitted")
