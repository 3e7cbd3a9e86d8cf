# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.ops_finance.models.hr_expense_sheet import CHECKLIST
from odoo.addons.ops_org.tests.common import ops_user

from .common import BudgetCommon


class ExpenseCommon(BudgetCommon):
    """The budget company runs its expense reports through the chain of the
    policy; ``user_employee`` of the Studio claims, ``user_head`` reviews,
    ``user_finance`` checks, ``user_leader`` approves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.ops_expense_policy = True
        cls.env.company.ops_expense_budget_check = "warn"
        cls.employee = cls.user_employee.employee_id
        cls.other_employee_user = ops_user(
            cls.env, "ops_sales_rep", "ops_org.ops_org_group_employee", cls.env.company
        )
        cls.env["hr.employee"].create(
            {
                "name": "Sales rep",
                "user_id": cls.other_employee_user.id,
                "department_id": cls.other_department.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Taxi",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "property_account_expense_id": cls.account.id,
                "supplier_taxes_id": [(5, 0, 0)],
            }
        )

    @classmethod
    def make_sheet(cls, user=None, amount=100.0, receipt=True, day="2027-01-15", mode=None):
        user = user or cls.user_employee
        Expense = cls.env["hr.expense"].with_user(user)
        expense = Expense.create(
            {
                "name": "Taxi to the shoot",
                "employee_id": user.employee_id.id,
                "product_id": cls.product.id,
                "total_amount_currency": amount,
                "date": day,
                "payment_mode": mode or "own_account",
            }
        )
        if receipt:
            cls.env["ir.attachment"].with_user(user).create(
                {
                    "name": "receipt.png",
                    "datas": base64.b64encode(b"receipt"),
                    "res_model": "hr.expense",
                    "res_id": expense.id,
                }
            )
        sheet = (
            cls.env["hr.expense.sheet"]
            .with_user(user)
            .create(
                {
                    "name": "Shoot in Hangzhou",
                    "employee_id": user.employee_id.id,
                    "expense_line_ids": [(6, 0, expense.ids)],
                }
            )
        )
        return sheet.with_env(cls.env)

    @classmethod
    def submit(cls, sheet):
        sheet.with_user(sheet.employee_id.user_id).action_submit_sheet()
        return sheet

    def tick_checklist(self, sheet, user=None):
        sheet.with_user(user or self.user_finance).write(
            {"ops_check_authentic": True, "ops_check_legal": True, "ops_check_complete": True}
        )

    def run_chain(self, sheet):
        sheet.with_user(self.user_head)._ops_approve()
        self.tick_checklist(sheet)
        sheet.with_user(self.user_finance)._ops_approve()
        sheet.with_user(self.user_leader)._ops_approve()


@tagged("post_install", "-at_install")
class TestExpenseChain(ExpenseCommon):
    def test_chain_approves_and_prepares_the_bill(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        self.assertEqual(sheet.state, "submit")
        self.assertEqual(len(sheet.review_ids), 3)
        self.assertEqual(sheet.review_ids.sorted("sequence")[0].reviewer_ids, self.user_head)
        # Odoo's single "approve" activity gives way to the reviewers' ones.
        self.assertFalse(
            sheet.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("hr_expense.mail_act_expense_approval")
            )
        )
        sheet.with_user(self.user_head)._ops_approve()
        self.assertEqual(sheet.state, "submit")
        self.tick_checklist(sheet)
        self.assertEqual(sheet.ops_checked_by_id, self.user_finance)
        sheet.with_user(self.user_finance)._ops_approve()
        self.assertEqual(sheet.state, "submit")
        self.assertFalse(sheet.account_move_ids)
        sheet.with_user(self.user_leader)._ops_approve()
        self.assertEqual(sheet.validation_status, "validated")
        self.assertEqual(sheet.state, "approve")
        self.assertEqual(len(sheet.account_move_ids), 1)
        self.assertEqual(sheet.account_move_ids.state, "draft")
        self.assertEqual(sheet.account_move_ids.amount_total, 100.0)

    def test_expense_on_the_department_cost_centre(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        self.assertEqual(
            sheet.expense_line_ids.analytic_distribution,
            {str(self.department.ops_analytic_account_id.id): 100.0},
        )

    def test_claim_without_receipt_refused(self):
        sheet = self.make_sheet(receipt=False)
        with self.assertRaisesRegex(UserError, "Attach the receipt"):
            self.submit(sheet)
        self.assertEqual(sheet.state, "draft")
        self.assertFalse(sheet.review_ids)

    def test_finance_checklist_required(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        sheet.with_user(self.user_head)._ops_approve()
        with self.assertRaisesRegex(UserError, "receipts are authentic"):
            sheet.with_user(self.user_finance)._ops_approve()
        finance_review = sheet.review_ids.filtered(lambda r: r.definition_id.ops_expense_checklist)
        self.assertEqual(finance_review.status, "pending")

    def test_checklist_is_finance_only(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        with self.assertRaisesRegex(AccessError, "Only finance"):
            sheet.with_user(self.user_head).write({"ops_check_authentic": True})

    def test_approving_own_claim_refused(self):
        self.env["hr.employee"].create(
            {
                "name": "Accountant",
                "user_id": self.user_finance.id,
                "department_id": self.department.id,
            }
        )
        sheet = self.make_sheet(user=self.user_finance)
        self.submit(sheet)
        sheet.with_user(self.user_head)._ops_approve()
        # The claimant may not tick their own checklist either (see
        # test_ops_rules); ticked here by the server to reach the approval.
        sheet.sudo().write(dict.fromkeys(CHECKLIST, True))
        finance_review = sheet.review_ids.filtered(lambda r: r.definition_id.ops_expense_checklist)
        with self.assertRaisesRegex(UserError, "concerns you"):
            sheet.with_user(self.user_finance)._ops_approve()
        self.assertEqual(finance_review.status, "pending")
        self.assertEqual(sheet.state, "submit")

    def test_odoo_approve_button_refused_under_chain(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        with self.assertRaisesRegex(UserError, "approval chain"):
            sheet.with_user(self.user_head).action_approve_expense_sheets()
        with self.assertRaisesRegex(UserError, "under review"):
            sheet.with_user(self.user_head).action_refuse_expense_sheets()
        self.assertEqual(sheet.state, "submit")
        self.assertFalse(sheet.account_move_ids)

    def test_paying_unapproved_claim_refused(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        sheet.with_user(self.user_head)._ops_approve()
        with self.assertRaisesRegex(UserError, "approval chain"):
            sheet.with_user(self.user_finance).action_register_payment()
        with self.assertRaisesRegex(UserError, "approval chain"):
            sheet.with_user(self.user_finance).action_sheet_move_post()
        self.assertFalse(sheet.account_move_ids)

    def test_post_and_pay_once(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        self.run_chain(sheet)
        sheet.with_user(self.user_finance).action_sheet_move_post()
        self.assertEqual(sheet.state, "post")
        action = sheet.with_user(self.user_finance).action_register_payment()
        Register = (
            self.env["account.payment.register"]
            .with_user(self.user_finance)
            .with_context(**action["context"])
        )
        wizard, second = Register.create({}), Register.create({})
        wizard.action_create_payments()
        self.assertIn(sheet.payment_state, ("paid", "in_payment"))
        self.assertEqual(sheet.state, "done")
        # The second wizard, opened before the first payment, finds it paid.
        with self.assertRaisesRegex(UserError, "already paid"):
            second.action_create_payments()
        self.assertEqual(len(sheet.account_move_ids.line_ids.matched_debit_ids), 1)

    def test_rejection_refuses_the_report(self):
        sheet = self.make_sheet()
        self.submit(sheet)
        sheet.with_user(self.user_head)._ops_reject("No receipt of the hotel")
        self.assertEqual(sheet.state, "cancel")
        self.assertFalse(sheet.account_move_ids)
        # The employee fixes it and starts again.
        sheet.with_user(self.user_employee).action_reset_expense_sheets()
        self.assertEqual(sheet.state, "draft")
        self.assertFalse(sheet.review_ids)
        self.submit(sheet)
        self.assertEqual(len(sheet.review_ids), 3)

    def test_company_without_chain_keeps_odoo_flow(self):
        self.env.company.ops_expense_policy = False
        sheet = self.make_sheet(receipt=False)
        self.submit(sheet)
        self.assertFalse(sheet.review_ids)
        sheet.with_user(self.user_head).action_approve_expense_sheets()
        self.assertEqual(sheet.state, "approve")

    def test_form_submission(self):
        sheet = self.make_sheet()
        with Form(sheet.with_user(self.user_employee)) as form:
            form.name = "Shoot in Hangzhou, day 2"
        self.submit(sheet)
        self.assertEqual(sheet.state, "submit")


@tagged("post_install", "-at_install")
class TestExpenseBudgetCheck(ExpenseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_line(cls.part, month="1", amount=1000.0)
        cls.add_line(cls.other_part, month="1", amount=1000.0, user=cls.user_other_head)
        cls.approve_budget()

    def test_within_budget_no_warning(self):
        sheet = self.make_sheet(amount=400.0)
        self.submit(sheet)
        self.assertFalse(sheet.ops_budget_warning)

    def test_beyond_budget_warns(self):
        self.post_item(800.0, "2027-01-10")
        sheet = self.make_sheet(amount=400.0)
        self.submit(sheet)
        self.assertEqual(sheet.state, "submit")
        self.assertIn("budget left", sheet.ops_budget_warning)

    def test_beyond_budget_blocks(self):
        self.env.company.ops_expense_budget_check = "block"
        sheet = self.make_sheet(amount=1500.0)
        with self.assertRaisesRegex(UserError, "beyond the remaining budget"):
            self.submit(sheet)
        self.assertEqual(sheet.state, "draft")
        self.assertFalse(sheet.review_ids)

    def test_unbudgeted_month_blocks(self):
        self.env.company.ops_expense_budget_check = "block"
        sheet = self.make_sheet(amount=10.0, day="2027-03-02")
        with self.assertRaisesRegex(UserError, "beyond the remaining budget"):
            self.submit(sheet)

    def test_no_check(self):
        self.env.company.ops_expense_budget_check = "none"
        sheet = self.make_sheet(amount=5000.0)
        self.submit(sheet)
        self.assertFalse(sheet.ops_budget_warning)

    def test_approved_claim_is_committed(self):
        sheet = self.make_sheet(amount=300.0)
        self.submit(sheet)
        self.run_chain(sheet)
        line = self.part.line_ids.filtered(lambda line: line.month == "1")
        line.invalidate_recordset()
        self.assertAlmostEqual(line.committed_amount, 300.0)
        self.assertAlmostEqual(line.remaining_amount, 700.0)


@tagged("post_install", "-at_install", "ops_access")
class TestExpenseAccess(ExpenseCommon):
    """The expense roles: one test per group and record rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sheet = cls.submit(cls.make_sheet())
        cls.other_sheet = cls.submit(cls.make_sheet(user=cls.other_employee_user))

    def _sheets(self, user):
        return (
            self.env["hr.expense.sheet"]
            .with_user(user)
            .search([("id", "in", (self.sheet | self.other_sheet).ids)])
        )

    def test_employee_sees_own_claims(self):
        self.assertEqual(self._sheets(self.user_employee), self.sheet)
        with self.assertRaises(AccessError):
            self.other_sheet.with_user(self.user_employee).read(["name"])
        with self.assertRaises(AccessError):
            self.other_sheet.with_user(self.user_employee).write({"name": "Changed"})

    def test_department_head_is_team_approver(self):
        # ops_org_group_department_head implies hr_expense team approver
        self.assertTrue(self.user_head.has_group("hr_expense.group_hr_expense_team_approver"))
        self.assertEqual(self._sheets(self.user_head), self.sheet)
        with self.assertRaises(AccessError):
            self.other_sheet.with_user(self.user_head).read(["name"])

    def test_reviewer_rule(self):
        # hr_expense_sheet_rule_reviewer / hr_expense_rule_reviewer: the head
        # above a department head reviews their claim.
        self.other_department.parent_id = self.department
        self.other_department.manager_id.department_id = self.other_department
        claim = self.make_sheet(user=self.user_other_head)
        self.submit(claim)
        self.assertEqual(claim.review_ids.sorted("sequence")[0].reviewer_ids, self.user_head)
        self.assertEqual(
            self.env["hr.expense.sheet"].with_user(self.user_head).search([("id", "=", claim.id)]),
            claim,
        )
        self.assertEqual(claim.with_user(self.user_head).name, "Shoot in Hangzhou")
        self.assertTrue(claim.expense_line_ids.with_user(self.user_head).read(["name"]))
        with self.assertRaises(AccessError):
            claim.expense_line_ids.with_user(self.user_head).check_access("write")
        # Before the review is requested, nothing is visible.
        draft = self.make_sheet(user=self.user_other_head)
        with self.assertRaises(AccessError):
            draft.with_user(self.user_head).read(["name"])

    def test_finance_sees_all(self):
        # ops_org_group_finance implies hr_expense officer and billing
        self.assertTrue(self.user_finance.has_group("hr_expense.group_hr_expense_user"))
        self.assertTrue(self.user_finance.has_group("account.group_account_invoice"))
        self.assertEqual(self._sheets(self.user_finance), self.sheet | self.other_sheet)

    def test_leadership_reads_all(self):
        # hr_expense_sheet_rule_leadership / hr_expense_rule_leadership
        self.assertEqual(self._sheets(self.user_leader), self.sheet | self.other_sheet)
        lines = (self.sheet | self.other_sheet).expense_line_ids
        self.assertEqual(
            self.env["hr.expense"].with_user(self.user_leader).search([("id", "in", lines.ids)]),
            lines,
        )
        with self.assertRaises(AccessError):
            self.other_sheet.expense_line_ids.with_user(self.user_leader).check_access("write")

    def test_settings_admin_only(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.user_finance).create(
                {"ops_expense_budget_check": "block"}
            )
