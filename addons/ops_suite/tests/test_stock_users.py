# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Users who hold only Odoo's own roles (no Operations role) keep using the
stock forms the suite extends: our fields, pages and buttons on those forms
are shown to Operations roles only, so opening, creating and saving a
project, a task, an employee, a department, a job position, an invoice, a
payment, an expense report, a time off type or a meeting needs no access
to the suite's models."""

from odoo import Command, fields
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_user


@tagged("post_install", "-at_install")
class TestStockUsers(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))

        def user(login, groups):
            return ops_user(cls.env, login, groups)

        cls.project_manager = user("stock_project_manager", "project.group_project_manager")
        cls.project_user = user("stock_project_user", "project.group_project_user")
        cls.hr_manager = user("stock_hr_manager", "hr.group_hr_manager")
        cls.accountant = user("stock_accountant", "account.group_account_invoice")
        cls.expense_manager = user("stock_expense_manager", "hr_expense.group_hr_expense_manager")
        cls.leave_manager = user("stock_leave_manager", "hr_holidays.group_hr_holidays_manager")
        cls.internal = user("stock_internal", "base.group_user")
        cls.ops_groups = cls.env["res.groups"].browse(
            cls.env["ir.model.data"]
            .search([("model", "=", "res.groups"), ("module", "=like", "ops\\_%")])
            .mapped("res_id")
        )
        cls.stock_users = (
            cls.project_manager
            | cls.project_user
            | cls.hr_manager
            | cls.accountant
            | cls.expense_manager
            | cls.leave_manager
            | cls.internal
        )

        cls.project = cls.env["project.project"].create(
            {"name": "Stock project", "privacy_visibility": "employees"}
        )
        cls.task = cls.env["project.task"].create(
            {"name": "Stock task", "project_id": cls.project.id, "user_ids": cls.project_user.ids}
        )
        cls.department = cls.env["hr.department"].create({"name": "Stock department"})
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Stock employee", "department_id": cls.department.id}
        )
        cls.job = cls.env["hr.job"].create({"name": "Stock job"})
        cls.partner = cls.env["res.partner"].create({"name": "Stock customer"})

    def test_stock_users_hold_no_operations_role(self):
        """The premise of the tests below: none of these users has a role of
        the suite, not even through implied groups."""
        for user in self.stock_users:
            with self.subTest(user=user.login):
                self.assertFalse(user.groups_id & self.ops_groups)

    def test_project_manager_creates_and_edits_a_project(self):
        form = Form(self.env["project.project"].with_user(self.project_manager))
        form.name = "Created by a project manager"
        project = form.save()
        self.assertEqual(project.name, "Created by a project manager")
        with Form(self.project.with_user(self.project_manager)) as form:
            form.is_favorite = True
        self.assertTrue(self.project.with_user(self.project_manager).is_favorite)

    def test_project_user_edits_a_task(self):
        with Form(self.task.with_user(self.project_user)) as form:
            form.name = "Renamed by its assignee"
        self.assertEqual(self.task.name, "Renamed by its assignee")
        form = Form(
            self.env["project.task"]
            .with_user(self.project_user)
            .with_context(default_project_id=self.project.id)
        )
        form.name = "New task"
        self.assertEqual(form.save().project_id, self.project)

    def test_hr_manager_edits_employee_department_and_job(self):
        with Form(self.employee.with_user(self.hr_manager)) as form:
            form.job_title = "Editor"
        self.assertEqual(self.employee.job_title, "Editor")
        with Form(self.department.with_user(self.hr_manager)) as form:
            form.name = "Stock department (renamed)"
        self.assertEqual(self.department.name, "Stock department (renamed)")
        with Form(self.job.with_user(self.hr_manager)) as form:
            form.name = "Stock job (renamed)"
        self.assertEqual(self.job.name, "Stock job (renamed)")

    def test_accountant_creates_an_invoice_and_registers_its_payment(self):
        form = Form(
            self.env["account.move"]
            .with_user(self.accountant)
            .with_context(default_move_type="out_invoice")
        )
        form.partner_id = self.partner
        with form.invoice_line_ids.new() as line:
            line.name = "Video edit"
            line.quantity = 1
            line.price_unit = 100.0
        invoice = form.save()
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        action = invoice.action_register_payment()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.accountant)
            .with_context(**action["context"])
        ).save()
        wizard.action_create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        payment = self.env["account.payment"].search(
            [("partner_id", "=", self.partner.id)], limit=1
        )
        with Form(payment.with_user(self.accountant)) as form:
            form.memo = "Checked"
        self.assertEqual(payment.memo, "Checked")

    def test_expense_manager_opens_an_expense_report(self):
        product = self.env["product.product"].create(
            {"name": "Taxi fare", "can_be_expensed": True, "standard_price": 0.0}
        )
        expense = self.env["hr.expense"].create(
            {
                "name": "Taxi",
                "employee_id": self.employee.id,
                "product_id": product.id,
                "total_amount_currency": 30.0,
            }
        )
        sheet = self.env["hr.expense.sheet"].create(
            {
                "name": "Stock report",
                "employee_id": self.employee.id,
                "expense_line_ids": [Command.set(expense.ids)],
            }
        )
        with Form(sheet.with_user(self.expense_manager)) as form:
            form.name = "Stock report (renamed)"
        self.assertEqual(sheet.name, "Stock report (renamed)")

    def test_leave_manager_edits_a_time_off_type(self):
        form = Form(self.env["hr.leave.type"].with_user(self.leave_manager))
        form.name = "Stock time off"
        leave_type = form.save()
        self.assertFalse(leave_type.ops_authority_chain)

    def test_internal_user_schedules_a_meeting(self):
        form = Form(self.env["calendar.event"].with_user(self.internal))
        form.name = "Stock meeting"
        form.start = fields.Datetime.now()
        form.stop = fields.Datetime.add(fields.Datetime.now(), hours=1)
        event = form.save()
        self.assertEqual(event.user_id, self.internal)
