# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import OpsOrgCommon


@tagged("post_install", "-at_install")
class TestHrDepartment(OpsOrgCommon):
    def test_manager_is_put_in_department_head_group(self):
        self.assertIn(self.user_head, self.group_head.users)
        self.assertTrue(self.user_head.has_group("ops_org.ops_org_group_department_head"))
        self.assertNotIn(self.user_employee, self.group_head.users)

    def test_new_manager_replaces_old_one_in_group(self):
        self.department.manager_id = self.emp_employee
        self.assertIn(self.user_employee, self.group_head.users)
        self.assertNotIn(self.user_head, self.group_head.users)

    def test_head_of_two_departments_stays_head_when_one_changes(self):
        second = self.env["hr.department"].create(
            {"name": "Second Lab", "manager_id": self.emp_head.id}
        )
        second.manager_id = self.emp_employee
        self.assertIn(self.user_head, self.group_head.users)
        self.department.manager_id = False
        self.assertNotIn(self.user_head, self.group_head.users)

    def test_archived_or_deleted_department_frees_its_head(self):
        self.department.active = False
        self.assertNotIn(self.user_head, self.group_head.users)
        self.department.active = True
        self.assertIn(self.user_head, self.group_head.users)
        self.department.unlink()
        self.assertNotIn(self.user_head, self.group_head.users)

    def test_user_change_on_head_employee_moves_group(self):
        self.emp_head.user_id = self.user_hr
        self.assertIn(self.user_hr, self.group_head.users)
        self.assertNotIn(self.user_head, self.group_head.users)

    def test_leadership_keeps_implied_head_group(self):
        emp_leader = self.env["hr.employee"].create(
            {"name": "Leader", "user_id": self.user_leader.id}
        )
        self.department.manager_id = emp_leader
        self.department.manager_id = self.emp_head
        self.assertTrue(self.user_leader.has_group("ops_org.ops_org_group_department_head"))

    def test_form_sets_code_kind_deputy_and_duties(self):
        with Form(self.env["hr.department"]) as form:
            form.name = "Studio"
            form.code = "STU"
            form.kind = "design"
            form.manager_id = self.emp_head
            form.deputy_id = self.emp_employee
            with form.duty_ids.new() as duty:
                duty.name = "Design the posters."
        department = form.record
        self.assertEqual(department.kind, "design")
        self.assertEqual(department.deputy_id, self.emp_employee)
        self.assertEqual(department.duty_ids.name, "Design the posters.")
        self.assertEqual(department.duty_count, 1)

    def test_deputy_cannot_be_the_head(self):
        with self.assertRaises(ValidationError):
            self.department.deputy_id = self.emp_head

    def test_code_is_unique_per_company(self):
        self.env["hr.department"].create(
            {"name": "Elsewhere", "code": "QL", "company_id": self.other_company.id}
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["hr.department"].create({"name": "Copy", "code": "QL"})
            self.env.flush_all()

    def test_organisation_form_is_a_company_setting(self):
        settings = self.env["res.config.settings"].create({})
        settings.ops_organization_form = "matrix"
        settings.execute()
        self.assertEqual(self.env.company.ops_organization_form, "matrix")


@tagged("post_install", "-at_install")
class TestDepartmentData(OpsOrgCommon):
    KINDS = (
        "planning",
        "design",
        "technology",
        "testing",
        "operations",
        "marketing",
        "sales",
        "customer_service",
        "finance",
        "hr",
        "administration",
    )

    def test_policy_departments_are_shipped_with_duties(self):
        for kind in self.KINDS:
            department = self.env.ref(f"ops_org.hr_department_{kind}")
            self.assertEqual(department.kind, kind)
            self.assertTrue(department.code)
            self.assertTrue(department.duty_ids, f"{kind} has no duty charter")

    def test_departments_and_duties_read_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["ops_org"], ["zh_CN"], overwrite=True)
        planning = self.env.ref("ops_org.hr_department_planning").with_context(lang="zh_CN")
        self.assertEqual(planning.name, "策划部")
        self.assertIn("策划", planning.duty_ids[0].name)
        hr = self.env.ref("ops_org.hr_department_hr").with_context(lang="zh_CN")
        self.assertEqual(hr.name, "人力资源部")

    def test_full_name_in_the_users_language(self):
        """A department and its parent show, and are found, in the user's
        language (Odoo stores the full name once, in the language it was
        created in)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        parent = self.env["hr.department"].create({"name": "Content"})
        child = self.env["hr.department"].create({"name": "Video", "parent_id": parent.id})
        parent.update_field_translations("name", {"zh_CN": "内容中心"})
        child.update_field_translations("name", {"zh_CN": "视频部"})
        self.assertEqual(child.complete_name, "Content / Video")
        chinese = child.with_context(lang="zh_CN")
        self.assertEqual(chinese.display_name, "内容中心 / 视频部")
        self.assertEqual(child.with_context(lang="en_US").display_name, "Content / Video")
        self.assertEqual(
            child.with_context(lang="zh_CN", hierarchical_naming=False).display_name, "视频部"
        )
        found = self.env["hr.department"].with_context(lang="zh_CN").name_search("视频")
        self.assertEqual([row[0] for row in found], child.ids)
        found = self.env["hr.department"].name_search("Content / Vid")
        self.assertEqual([row[0] for row in found], child.ids)
