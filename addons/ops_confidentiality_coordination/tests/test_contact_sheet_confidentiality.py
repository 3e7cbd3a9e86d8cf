# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.ops_coordination.tests.common import CoordinationCommon

MONDAY = datetime(2026, 3, 9, 9, 0)


@tagged("post_install", "-at_install", "ops_access")
@freeze_time(MONDAY)
class TestContactSheetConfidentiality(CoordinationCommon):
    """A secret work contact sheet (rule ops_confidentiality_rule_ops_contact_sheet):
    read, told of, answered and carried out only by those cleared for it who
    need to know."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (
            cls.user_employee,
            cls.user_studio_head,
            cls.user_designer,
            cls.user_designer_2,
            cls.user_leader,
        ):
            employee = user.employee_id or cls.env["hr.employee"].create(
                {"name": user.name, "user_id": user.id}
            )
            cls.env["ops.nda"].create({"employee_id": employee.id, "date_signed": date.today()})
            employee.ops_clearance = "secret"

    def _secret_sheet(self, knowers):
        with freeze_time(MONDAY):
            return self.new_sheet(
                subject="Launch plan of Project Phoenix",
                ops_level="secret",
                ops_category="technical_secret",
                ops_need_to_know_user_ids=[(6, 0, knowers.ids)],
            )

    def test_secret_sheet_read_only_by_those_who_need_to_know(self):
        sheet = self._secret_sheet(self.user_studio_head | self.user_designer_2)
        sheet.with_user(self.user_employee).action_submit()
        Sheet = self.env["ops.contact.sheet"]
        for user in (self.user_employee, self.user_studio_head, self.user_designer_2):
            with self.subTest(user=user.login):
                self.assertIn(sheet, Sheet.with_user(user).search([]))
        # The colleague of the requesting department, a cleared designer who
        # is not on the list, Leadership not on it.
        for user in (self.user_colleague, self.user_designer, self.user_leader, self.user_leader_2):
            with self.subTest(user=user.login):
                self.assertNotIn(sheet, Sheet.with_user(user).search([]))
                with self.assertRaises(AccessError):
                    sheet.with_user(user).read(["subject"])
                self.assertFalse(
                    Sheet.with_user(user).search_read(
                        [("subject", "ilike", "Phoenix")], ["subject"]
                    )
                )

    def test_submitted_only_when_a_receiving_head_may_know(self):
        sheet = self._secret_sheet(self.user_designer_2)
        error = self.assertRefused(sheet.with_user(self.user_employee).action_submit)
        self.assertIn("No head of Studio", str(error))
        self.assertEqual(sheet.state, "draft")

    def test_owner_is_one_who_may_know(self):
        sheet = self._secret_sheet(self.user_studio_head | self.user_designer_2)
        sheet.with_user(self.user_employee).action_submit()
        as_head = sheet.with_user(self.user_studio_head)
        error = self.assertRefused(
            as_head.action_accept, owner_id=self.user_designer.id, date_promised=date(2026, 3, 12)
        )
        self.assertIn("may not know", str(error))
        as_head.action_accept(owner_id=self.user_designer_2.id, date_promised=date(2026, 3, 12))
        self.assertEqual(sheet.owner_id, self.user_designer_2)

    def test_escalation_reaches_only_leaders_who_may_know(self):
        sheet = self._secret_sheet(self.user_studio_head | self.user_leader)
        sheet.with_user(self.user_employee).action_submit()
        with freeze_time(datetime(2026, 3, 12, 9, 0)):
            self.env["ops.contact.sheet"]._cron_escalate()
        self.assertEqual(sheet.escalation_level, 2)
        assignees = sheet.activity_ids.user_id
        self.assertIn(self.user_leader, assignees)
        self.assertNotIn(self.user_leader_2, assignees)
        told = sheet.message_ids.partner_ids
        self.assertNotIn(self.user_leader_2.partner_id, told)
        self.assertNotIn(self.user_designer.partner_id, told)
        # The leader who may not know cannot answer in the head's place.
        self.assertRefused(sheet.with_user(self.user_leader_2).action_decline, reason="Not needed")
        sheet.with_user(self.user_leader).action_decline(reason="Not needed")
        self.assertEqual(sheet.state, "declined")

    def test_internal_sheets_unchanged(self):
        sheet = self.new_sheet()
        self.assertEqual(sheet.ops_level, "internal")
        self.assertIn(
            sheet, self.env["ops.contact.sheet"].with_user(self.user_colleague).search([])
        )
