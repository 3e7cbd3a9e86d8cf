# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every menu of the suite an employee or a department head uses opens on a
kanban on a phone (Odoo opens an action's kanban first on small screens,
``mobile_view_mode``): checked over the menus each of them sees, then in
the browser at 390x844. Configuration menus and the analyses (pivot or
graph first) are left to desktops."""

from lxml import etree

from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_user


def phone_actions(env, user):
    """{xml id: action} of the suite's window actions behind the menus
    ``user`` sees, but configuration and analyses."""
    Menu = env["ir.ui.menu"].with_user(user)
    actions = {}
    for menu in Menu.browse(Menu._visible_menu_ids()).sudo():
        action = menu.action
        if not action or action._name != "ir.actions.act_window":
            continue
        xml_id = action.get_external_id().get(action.id, "")
        first = action.view_mode.split(",")[0]
        if (
            not xml_id.startswith("ops_")
            or "/Configuration/" in f"{menu.complete_name}/"
            or first in ("pivot", "graph")
        ):
            continue
        actions[xml_id] = action
    return actions


def people(env):
    """An employee and the head of their department."""
    emp = "ops_org.ops_org_group_employee"
    employee = ops_user(env, "phone_employee", emp)
    head = ops_user(env, "phone_head", emp)
    Employee = env["hr.employee"]
    boss = Employee.create({"name": "Phone Head", "user_id": head.id})
    department = env["hr.department"].create({"name": "Phone Studio", "manager_id": boss.id})
    boss.department_id = department
    Employee.create(
        {
            "name": "Phone Employee",
            "user_id": employee.id,
            "department_id": department.id,
            "parent_id": boss.id,
        }
    )
    return employee, head


@tagged("post_install", "-at_install")
class TestPhoneViews(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        cls.employee, cls.head = people(cls.env)

    def test_every_menu_opens_on_a_kanban_on_phones(self):
        for user in (self.employee, self.head):
            actions = phone_actions(self.env, user)
            # Appraisals, attendance, training, meetings, documents, projects …
            self.assertGreaterEqual(len(actions), 25, user.login)
            for xml_id, action in actions.items():
                with self.subTest(user=user.login, action=xml_id):
                    self.assertIn("kanban", action.view_mode.split(","))
                    self.assertEqual(action.mobile_view_mode, "kanban")
                    view_id = next((v for v, kind in action.views if kind == "kanban"), False)
                    Model = self.env[action.res_model].with_user(user)
                    arch = Model.get_views([(view_id, "kanban")])["views"]["kanban"]["arch"]
                    self.assertTrue(etree.fromstring(arch).xpath("//t[@t-name='card']"))

    def test_lifecycle_kanban_shows_lifecycle_projects_by_default(self):
        Project = self.env["project.project"]
        lifecycle, before = Project.create([{"name": "In the lifecycle"}, {"name": "Before it"}])
        # A project from before the lifecycle was installed has no phase.
        self.env.cr.execute(
            "UPDATE project_project SET ops_phase_id = NULL WHERE id = %s", [before.id]
        )
        before.invalidate_recordset()
        action = self.env.ref("ops_project_lifecycle.project_project_action_lifecycle")
        defaults = {
            key.removeprefix("search_default_")
            for key, value in safe_eval(action.context).items()
            if key.startswith("search_default_") and value
        }
        search = Project.get_views([(False, "search")])["views"]["search"]["arch"]
        domain = []
        for node in etree.fromstring(search).iter("filter"):
            if node.get("name") in defaults:
                domain += safe_eval(node.get("domain"))
        shown = Project.search(domain + [("id", "in", (lifecycle | before).ids)])
        self.assertEqual(shown, lifecycle)


@tagged("post_install", "-at_install", "ops_tour")
class TestPhoneKanbanTour(HttpCase):
    """Each of those menus in the browser, on a phone: a kanban, no card
    wider than the screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        cls.employee, cls.head = people(cls.env)

    def test_each_menu_on_a_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        done = set()
        for user in (self.head, self.employee):
            for xml_id in sorted(set(phone_actions(self.env, user)) - done):
                with self.subTest(user=user.login, action=xml_id):
                    self.start_tour(
                        f"/odoo/action-{xml_id}", "ops_suite_phone_kanban", login=user.login
                    )
                done.add(xml_id)
        self.assertGreaterEqual(len(done), 25)
