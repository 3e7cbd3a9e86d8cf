# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.ops_confidentiality.tests.common import ConfidentialityCommon

NEED_TO_KNOW_VIEW = "ops_confidentiality_project.project_view_form_need_to_know"


@tagged("post_install", "-at_install", "ops_access")
class TestProjectCounts(ConfidentialityCommon):
    """The project form counts the intellectual property a project uses and
    who needs to know it, as the user may see them; the assets open from a
    smart button, who needs to know is edited in a dialog."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project_user = cls.env.ref("project.group_project_user")
        (cls.user_cleared | cls.user_uncleared | cls.user_member).groups_id |= project_user
        # The administrator of projects (classifies them), cleared for nothing.
        cls.user_officer.groups_id |= cls.env.ref("project.group_project_manager")
        cls.project = cls.env["project.project"].create(
            {"name": "Company blog", "privacy_visibility": "employees"}
        )
        (cls.secret | cls.confidential | cls.internal).project_ids = cls.project

    def count(self, user, name="ops_ip_asset_count"):
        project = self.project.with_user(user)
        project.invalidate_recordset([name])
        return project[name]

    def test_assets_counted_as_each_user_may_see_them(self):
        # Secret: cleared and on its list; confidential: the department on
        # its list, with a confidential clearance; internal: everyone.
        self.assertEqual(self.count(self.user_cleared), 2)  # secret, internal
        self.assertEqual(self.count(self.user_member), 2)  # confidential, internal
        self.assertEqual(self.count(self.user_uncleared), 1)  # internal only
        self.assertEqual(self.count(self.user_officer), 1)  # no clearance
        self.internal.active = False
        self.assertEqual(self.count(self.user_cleared), 1)

    def test_button_opens_the_projects_assets(self):
        action = self.project.with_user(self.user_member).action_ops_open_ip_assets()
        Asset = self.env[action["res_model"]].with_user(self.user_member)
        self.assertEqual(Asset.search(action["domain"]), self.confidential | self.internal)
        # An asset registered from there is used by the project.
        asset = Asset.with_user(self.user_admin_officer).with_context(**action["context"])
        with Form(asset) as form:
            form.name = "Title font"
            form.ownership = "licensed"
            form.kind = "font"
        self.assertEqual(form.record.project_ids, self.project)
        self.assertEqual(self.count(self.user_member), 3)

    def test_need_to_know_edited_in_its_dialog(self):
        project = self.project.with_user(self.user_officer)
        action = project.action_ops_open_need_to_know()
        self.assertEqual((action["res_id"], action["target"]), (project.id, "new"))
        self.assertEqual(action["views"][0][0], self.env.ref(NEED_TO_KNOW_VIEW).id)
        with Form(project, view=NEED_TO_KNOW_VIEW) as form:
            form.ops_need_to_know_user_ids.add(self.user_cleared)
            form.ops_need_to_know_user_ids.add(self.user_uncleared)
            form.ops_need_to_know_department_ids.add(self.department)
        self.assertEqual(
            self.project.ops_need_to_know_user_ids, self.user_cleared | self.user_uncleared
        )
        self.assertEqual(self.count(self.user_officer, "ops_need_to_know_user_count"), 2)
        self.assertEqual(self.count(self.user_officer, "ops_need_to_know_department_count"), 1)
        self.assertEqual(Form(project).ops_need_to_know_user_count, 2)

    def test_dialog_refuses_who_may_not_classify(self):
        # An employee who reads the project may not say who needs to know.
        project = self.project.with_user(self.user_uncleared)
        with self.assertRaises(AccessError):
            with Form(project, view=NEED_TO_KNOW_VIEW) as form:
                form.ops_need_to_know_user_ids.add(self.user_uncleared)
        self.assertFalse(self.project.ops_need_to_know_user_ids)
