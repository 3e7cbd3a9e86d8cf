# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import BudgetCommon


@tagged("post_install", "-at_install")
class TestBudget(BudgetCommon):
    def test_every_department_gets_a_draft_and_a_cost_centre(self):
        self.assertEqual(len(self.part), 1)
        self.assertEqual(len(self.other_part), 1)
        self.assertTrue(self.cost_centre)
        self.assertEqual(
            self.cost_centre.plan_id, self.env.ref("ops_finance.account_analytic_plan_cost_centres")
        )

    def test_cost_centre_named_as_the_department_in_each_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        department = self.env["hr.department"].create({"name": "Video"})
        department.update_field_translations("name", {"zh_CN": "视频部"})
        centre = department._ops_cost_centre()
        self.assertEqual(centre.with_context(lang="en_US").name, "Video")
        self.assertEqual(centre.with_context(lang="zh_CN").name, "视频部")

    def test_department_head_drafts_and_submits_in_the_form(self):
        with Form(self.part.with_user(self.user_head)) as form:
            with form.line_ids.new() as line:
                line.account_id = self.account
                line.month = "3"
                line.planned_amount = 1200.0
        self.assertEqual(self.part.planned_amount, 1200.0)
        self.assertEqual(self.part.line_ids.analytic_account_id, self.cost_centre)
        self.part.with_user(self.user_head).action_submit()
        self.assertEqual(self.part.state, "submitted")
        with self.assertRaises(UserError):
            self.add_line(self.part, month="4")
        self.assertEqual(len(self.part.line_ids), 1)

    def test_negative_line_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.add_line(self.part, amount=-5.0)
        # Refused by the bound of the field (ops_min=0) before the record's rule.
        self.assertIn("below the lowest value accepted (0)", str(caught.exception))
        self.assertFalse(self.part.line_ids)

    def test_closed_period_is_refused(self):
        self.env.company.fiscalyear_lock_date = "2027-03-31"
        with self.assertRaises(ValidationError) as caught:
            self.add_line(self.part, month="2")
        self.assertIn("closed accounting period", str(caught.exception))
        self.assertFalse(self.part.line_ids)
        self.add_line(self.part, month="4")

    def test_consolidation_approval_and_lock(self):
        line = self.add_line(self.part)
        self.budget.with_user(self.user_finance).action_consolidate()
        # Finance balances during consolidation; the head no longer edits.
        line.with_user(self.user_finance).planned_amount = 900.0
        with self.assertRaises(UserError):
            line.with_user(self.user_head).planned_amount = 2000.0
        self.budget.with_user(self.user_finance).action_submit()
        self.assertTrue(self.budget.review_ids)
        self.budget.with_user(self.user_leader)._ops_approve()
        self.assertEqual(self.budget.state, "approved")
        self.assertTrue(self.budget.date_approved)
        with self.assertRaises(UserError) as caught:
            line.with_user(self.user_finance).planned_amount = 1.0
        self.assertIn("cannot change now", str(caught.exception))
        with self.assertRaises(UserError):
            self.budget.with_user(self.user_finance).name = "Renamed"
        self.assertEqual(line.planned_amount, 900.0)

    def test_rejected_budget_is_revised(self):
        self.add_line(self.part)
        self.budget.with_user(self.user_finance).action_consolidate()
        self.budget.with_user(self.user_finance).action_submit()
        self.budget.with_user(self.user_leader)._ops_reject("Too high")
        self.assertEqual(self.budget.state, "rejected")
        self.budget.with_user(self.user_finance).action_revise()
        self.assertEqual(self.budget.state, "consolidation")

    def test_new_version_keeps_the_old_one(self):
        self.add_line(self.part, amount=500.0)
        self.approve_budget()
        action = self.budget.with_user(self.user_finance).action_new_version()
        new = self.env["ops.budget"].browse(action["res_id"])
        self.assertEqual(
            (new.version, new.previous_id, new.state), (2, self.budget, "consolidation")
        )
        self.assertEqual(new.planned_amount, 500.0)
        self.approve_budget(new)
        self.assertEqual(self.budget.state, "superseded")
        self.assertEqual(self.budget.planned_amount, 500.0)

    def test_actual_from_posted_journal_items_of_the_cost_centre_and_month(self):
        line = self.add_line(self.part, month="1", amount=1000.0)
        self.approve_budget()
        item = self.post_item(300.0, "2027-01-15")
        self.post_item(200.0, "2027-02-01")
        self.post_item(999.0, "2027-01-20", state="draft")
        self.post_item(50.0, "2027-01-10", analytic=self.other_department._ops_cost_centre())
        line.invalidate_recordset()
        self.assertEqual(line.actual_amount, 300.0)
        self.assertEqual(line.remaining_amount, 700.0)
        self.assertEqual(line.variance_amount, 700.0)
        self.assertAlmostEqual(line.consumption, 30.0)
        action = line.action_open_journal_items()
        items = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(items, item.line_ids.filtered(lambda i: i.account_id == self.account))

    def test_shared_item_counts_for_its_analytic_share(self):
        line = self.add_line(self.part, month="1")
        other = self.other_department._ops_cost_centre()
        move = self.post_item(400.0, "2027-01-15")
        move.button_draft()
        expense_line = move.line_ids.filtered(lambda i: i.account_id == self.account)
        expense_line.analytic_distribution = {str(self.cost_centre.id): 25, str(other.id): 75}
        move.action_post()
        line.invalidate_recordset()
        self.assertEqual(line.actual_amount, 100.0)

    def test_commitment_from_approved_unposted_expenses(self):
        line = self.add_line(self.part, month="1")
        employee = self.user_employee.employee_id
        expense = self.env["hr.expense"].create(
            {
                "name": "Taxi",
                "employee_id": employee.id,
                "account_id": self.account.id,
                "total_amount_currency": 80.0,
                "date": "2027-01-08",
                "analytic_distribution": {str(self.cost_centre.id): 100},
            }
        )
        sheet = self.env["hr.expense.sheet"].create(
            {"name": "January", "employee_id": employee.id, "expense_line_ids": expense.ids}
        )
        line.invalidate_recordset()
        self.assertEqual(line.committed_amount, 0.0, "not approved yet")
        sheet.write({"approval_state": "approve"})
        self.assertEqual(sheet.state, "approve")
        line.invalidate_recordset()
        self.assertEqual(line.committed_amount, 80.0)
        self.assertEqual(line.remaining_amount, 920.0)
