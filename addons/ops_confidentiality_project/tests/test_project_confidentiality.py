# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ops_confidentiality.tests.common import ConfidentialityCommon


@tagged("post_install", "-at_install", "ops_access")
class TestProjectConfidentiality(ConfidentialityCommon):
    """A secret project is seen only by users cleared for it who need to
    know (rule ops_confidentiality_rule_project_project); the register
    shows the assets each project uses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project_user = cls.env.ref("project.group_project_user")
        (cls.user_cleared | cls.user_cleared_other | cls.user_uncleared).groups_id |= project_user
        cls.project = cls.env["project.project"].create(
            {
                "name": "Unannounced game trailer",
                "privacy_visibility": "employees",
                "ops_level": "secret",
                "ops_category": "customer_information",
                "ops_need_to_know_user_ids": [(6, 0, (cls.user_cleared | cls.user_uncleared).ids)],
            }
        )
        cls.open_project = cls.env["project.project"].create(
            {"name": "Company blog", "privacy_visibility": "employees"}
        )

    def test_secret_project_hidden(self):
        for user in (self.user_uncleared, self.user_cleared_other):
            Project = self.env["project.project"].with_user(user)
            self.assertFalse(Project.search([("id", "=", self.project.id)]))
            self.assertFalse([r for r in Project.name_search("trailer") if r[0] == self.project.id])
            self.assertIn(self.open_project, Project.search([]))
            with self.assertRaises(AccessError):
                self.project.with_user(user).read(["name"])

    def test_secret_project_seen_by_cleared_need_to_know(self):
        Project = self.env["project.project"].with_user(self.user_cleared)
        self.assertEqual(Project.search([("id", "=", self.project.id)]), self.project)

    def test_assets_used_by_projects(self):
        self.confidential.project_ids = self.open_project
        self.assertIn(self.confidential, self.open_project.ops_ip_asset_ids)

    def test_classification_and_lifecycle_coexist(self):
        # Both addons redefine project.project with a mixin of their own
        # (ops.confidentiality.mixin here, ops.workflow.mixin in
        # ops_project_lifecycle): both rules hold on the same project.
        Project = self.env["project.project"]
        if "ops_phase_id" not in Project._fields:
            self.skipTest("ops_project_lifecycle is not installed")
        # By name: a test that reloads the registry leaves other classes.
        mixins = {getattr(cls, "_name", None) for cls in type(Project).__mro__}
        self.assertLessEqual({"ops.confidentiality.mixin", "ops.workflow.mixin"}, mixins)
        lead = self.user_cleared
        lead.groups_id |= self.env.ref("ops_org.ops_org_group_project_lead")
        project = Project.with_user(lead).create(
            {"name": "Secret pilot", "ops_level": "secret", "ops_category": "trade_secret"}
        )
        self.assertIn(lead, project.ops_need_to_know_user_ids)
        self.assertEqual(project.ops_phase_id.code, "initiation")
        later = self.env["ops.project.phase"].search([("code", "=", "planning")])
        with self.assertRaises(UserError):
            project.with_user(lead).write({"ops_phase_id": later.id})
        with self.assertRaises(UserError):
            project.with_user(lead).write({"ops_level": "internal"})
        with self.assertRaises(UserError):
            Project.with_user(lead).create({"name": "Shortcut", "ops_phase_id": later.id})
        self.assertEqual(project.ops_phase_id.code, "initiation")
        self.assertEqual(project.ops_level, "secret")
        self.assertFalse(
            Project.with_user(self.user_cleared_other).search([("id", "=", project.id)])
        )
