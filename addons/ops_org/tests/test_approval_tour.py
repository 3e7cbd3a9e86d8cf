# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .common import OpsOrgCommon
from .test_tier_validation import load_approval_tester


@tagged("post_install", "-at_install")
class TestApprovalTour(OpsOrgCommon, HttpCase):
    """The reviewer decides from the activity in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_approval_tester(cls)

    def _request(self):
        record = self.Tester.with_user(self.user_employee).create({"name": "Drone"})
        record.action_submit()
        return record.with_user(self.env.user)

    def test_approve_from_activity_on_desktop(self):
        record = self._request()
        self.start_tour(
            f"/odoo/ops.approval.tester/{record.id}",
            "ops_org_approve_from_activity",
            login="ops_line_manager",
        )
        self.assertEqual(record.validation_status, "validated")

    def test_reject_from_activity_on_a_phone(self):
        self.browser_size = "375x667"
        self.touch_enabled = True
        record = self._request()
        self.start_tour(
            f"/odoo/ops.approval.tester/{record.id}",
            "ops_org_reject_from_activity",
            login="ops_line_manager",
        )
        self.assertEqual(record.validation_status, "rejected")
        self.assertEqual(record.review_ids.comment, "Budget is exhausted this quarter.")
