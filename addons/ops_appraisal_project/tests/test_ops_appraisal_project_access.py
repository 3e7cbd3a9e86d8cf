# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ACL row of ops_appraisal_project, run as the roles concerned (HR,
member, project lead)."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AppraisalProjectCommon


@tagged("post_install", "-at_install", "ops_access")
class TestAppraisalProjectAccess(AppraisalProjectCommon):
    def test_hr_writes_the_award_of_a_project(self):
        # access_project_project_hr
        project = self.project.with_user(self.user_hr)
        project.write({"ops_award_amount": 3000.0, "is_favorite": True})
        self.assertEqual(self.project.ops_award_amount, 3000.0)

    def test_hr_writes_nothing_else_of_a_project(self):
        # access_project_project_hr: the award only
        project = self.project.with_user(self.user_hr)
        with self.assertRaises(AccessError) as caught:
            project.write({"name": "Renamed by HR", "ops_award_amount": 3000.0})
        self.assertIn("HR officers set only the project award", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(self.project.name, "Short-Video App")
        self.assertEqual(self.project.ops_award_amount, 0.0)
        with self.assertRaises(AccessError):
            project.create({"name": "HR project"})

    def test_members_cannot_set_the_award(self):
        # no row: members read projects only
        project = self.project.with_user(self.user_member)
        self.assertFalse(project.ops_can_set_award)
        self.assertEqual(project.ops_award_amount, 0.0)
        with self.assertRaises(AccessError):
            project.write({"ops_award_amount": 3000.0})

    def test_members_read_the_shares_but_do_not_write_them(self):
        # ops_project_lifecycle's rows on ops.project.member, unchanged
        member = self.project.ops_member_ids[0].with_user(self.user_member)
        self.assertEqual(member.award_share, 0.0)
        with self.assertRaises(AccessError):
            member.write({"award_share": 100.0})
