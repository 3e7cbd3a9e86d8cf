# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules of finance hold against a user who calls the server with any
arguments (issue 15, "What was found"): each case as the user who did it,
with that user's rights, refused with a sentence and changing nothing."""

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.ops_org.tests.common import OpsOrgCommon, ops_user

from ..models.hr_expense_sheet import CHECKLIST
from .common import BudgetCommon, CashCommon
from .test_ops_expense import ExpenseCommon

LEADERSHIP = "ops_org.ops_org_group_leadership"


class RefusedMixin:
    # The suite's assertion: refused with a sentence, nothing written.
    assertRefused = OpsOrgCommon.assertRefused


@tagged("post_install", "-at_install", "ops_access")
class TestExpenseRules(RefusedMixin, ExpenseCommon):
    def _statuses(self, sheet):
        return sheet.review_ids.sorted("sequence").mapped("status")

    def test_employee_cannot_forge_the_reviews_of_their_own_report(self):
        """Found: an employee approved the head and finance steps of their
        report by writing tier.review (approval_state=approve, checklist
        unticked)."""
        sheet = self.submit(self.make_sheet())
        head_step, finance_step, leader_step = sheet.review_ids.sorted("sequence")
        employee = self.user_employee
        self.assertRefused(
            head_step.with_user(employee).write,
            {"status": "approved", "done_by": self.user_head.id},
        )
        self.assertRefused(
            finance_step.with_user(employee).write,
            {"status": "approved", "done_by": self.user_finance.id},
        )
        self.assertRefused(
            self.env["tier.review"].with_user(employee).create,
            {
                "model": sheet._name,
                "res_id": sheet.id,
                "definition_id": head_step.definition_id.id,
                "sequence": 4,
                "status": "approved",
                "done_by": self.user_head.id,
            },
        )
        self.assertRefused(leader_step.with_user(employee).unlink)
        as_employee = sheet.with_user(employee)
        self.assertRefused(
            as_employee.write,
            {"review_ids": [Command.update(head_step.id, {"status": "approved"})]},
        )
        self.assertRefused(as_employee.write, {"validation_status": "validated"})
        self.assertRefused(as_employee.write, {"approval_state": "approve"})
        self.assertRefused(as_employee.write, {"state": "approve"})
        self.assertEqual(len(sheet.review_ids), 3)
        self.assertEqual(self._statuses(sheet), ["pending", "waiting", "waiting"])
        self.assertEqual(sheet.approval_state, "submit")
        self.assertFalse(sheet.account_move_ids)

    def test_shipped_chain_is_head_then_finance_then_leadership(self):
        sheet = self.submit(self.make_sheet())
        self.assertEqual(
            sheet.review_ids.sorted("sequence").definition_id,
            self.env.ref("ops_finance.tier_definition_expense_department_head")
            | self.env.ref("ops_finance.tier_definition_expense_finance")
            | self.env.ref("ops_finance.tier_definition_expense_leadership"),
        )
        self.assertEqual(self._statuses(sheet), ["pending", "waiting", "waiting"])
        # Leadership first, by any path, is refused.
        leader_step = sheet.review_ids.sorted("sequence")[-1]
        self.assertRefused(sheet.with_user(self.user_leader).validate_tier)
        self.assertRefused(leader_step.with_user(self.user_leader).action_ops_approve)
        self.assertEqual(self._statuses(sheet), ["pending", "waiting", "waiting"])

    def test_report_under_review_is_not_submitted_again(self):
        """Odoo's action_submit_sheet checks no state: called again over RPC
        it would start the chain over."""
        sheet = self.submit(self.make_sheet())
        sheet.with_user(self.user_head)._ops_approve()
        self.assertRefused(sheet.with_user(self.user_employee).action_submit_sheet)
        self.assertEqual(self._statuses(sheet), ["approved", "pending", "waiting"])

    def test_finance_step_needs_the_checklist_on_every_path(self):
        sheet = self.submit(self.make_sheet())
        sheet.with_user(self.user_head)._ops_approve()
        finance_step = sheet.review_ids.filtered(lambda r: r.definition_id.ops_expense_checklist)
        finance = self.user_finance
        activity = finance_step.ops_activity_ids.filtered(lambda a: a.user_id == finance)
        self.assertTrue(activity)
        wizard = (
            self.env["comment.wizard"]
            .with_user(finance)
            .create(
                {
                    "res_model": sheet._name,
                    "res_id": sheet.id,
                    "review_ids": [Command.set(finance_step.ids)],
                    "validate_reject": "validate",
                    "comment": "Looks fine",
                }
            )
        )
        for call in (
            sheet.with_user(finance).validate_tier,
            sheet.with_user(finance)._ops_approve,
            finance_step.with_user(finance).action_ops_approve,
            activity.with_user(finance).action_ops_approve,
            wizard.add_comment,
        ):
            with self.subTest(call=call.__name__):
                error = self.assertRefused(call)
                self.assertIn("receipts are authentic", str(error))
        self.assertEqual(finance_step.status, "pending")
        self.tick_checklist(sheet)
        wizard.add_comment()
        self.assertEqual(finance_step.status, "approved")

    def test_approval_state_and_state_follow_the_chain(self):
        """Odoo lets a team approver write approval_state and state (and its
        set_to_paid/set_to_posted hooks, its refuse and duplicate wizards);
        under the chain they are refused to the head while the review is
        open, and to finance before and after."""
        sheet = self.submit(self.make_sheet())
        head = sheet.with_user(self.user_head)
        for vals in (
            {"approval_state": "approve"},
            {"approval_state": "cancel"},
            {"approval_state": False},
            {"state": "approve"},
            {"state": "done"},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(head.write, vals)
        self.assertRefused(head.set_to_paid)
        self.assertRefused(head.set_to_posted)
        self.assertRefused(head.action_approve_expense_sheets)
        self.assertRefused(head.action_refuse_expense_sheets)
        refuse = (
            self.env["hr.expense.refuse.wizard"]
            .with_user(self.user_head)
            .create({"reason": "No", "sheet_ids": [Command.set(sheet.ids)]})
        )
        self.assertRefused(refuse.action_refuse)
        duplicate = (
            self.env["hr.expense.approve.duplicate"]
            .with_user(self.user_head)
            .create({"sheet_ids": [Command.set(sheet.ids)]})
        )
        self.assertRefused(duplicate.action_approve)
        self.assertRefused(duplicate.action_refuse)
        # Finance cannot pass it either.
        self.assertRefused(sheet.with_user(self.user_finance).write, {"approval_state": "approve"})
        self.assertEqual(sheet.approval_state, "submit")
        self.assertEqual(self._statuses(sheet), ["pending", "waiting", "waiting"])
        self.assertFalse(sheet.account_move_ids)
        # Approved by the chain: paid only by a payment, never by writing it.
        self.run_chain(sheet)
        self.assertEqual(sheet.state, "approve")
        self.assertRefused(sheet.with_user(self.user_finance).write, {"state": "done"})
        self.assertRefused(sheet.with_user(self.user_finance).set_to_paid)
        self.assertEqual(sheet.state, "approve")

    def test_even_the_superuser_does_not_approve_an_open_chain(self):
        sheet = self.submit(self.make_sheet())
        self.assertRefused(sheet.sudo().write, {"approval_state": "approve"})
        self.assertEqual(sheet.approval_state, "submit")

    def test_claimant_in_finance_cannot_tick_their_own_checklist(self):
        self.env["hr.employee"].create(
            {
                "name": "Accountant",
                "user_id": self.user_finance.id,
                "department_id": self.department.id,
            }
        )
        sheet = self.submit(self.make_sheet(user=self.user_finance))
        for name in CHECKLIST:
            with self.subTest(field=name):
                self.assertRefused(sheet.with_user(self.user_finance).write, {name: True})
        self.assertFalse(sheet.sudo().ops_check_authentic)
        colleague = ops_user(
            self.env, "ops_finance_2", "ops_org.ops_org_group_finance", self.env.company
        )
        self.tick_checklist(sheet, colleague)
        self.assertEqual(sheet.ops_checked_by_id, colleague)

    def test_checker_and_budget_warning_are_not_written(self):
        sheet = self.submit(self.make_sheet())
        self.assertRefused(
            sheet.with_user(self.user_finance).write, {"ops_checked_by_id": self.user_finance.id}
        )
        self.assertRefused(
            sheet.with_user(self.user_employee).write, {"ops_budget_warning": "All fine"}
        )
        self.assertFalse(sheet.ops_checked_by_id)

    def test_finance_head_cannot_unlink_a_review(self):
        """Found: a finance head unlinked a review."""
        sheet = self.submit(self.make_sheet())
        sheet.with_user(self.user_head)._ops_approve()
        reviews = sheet.review_ids
        for review in reviews:
            with self.subTest(review=review.name):
                self.assertRefused(review.with_user(self.user_finance).unlink)
        self.assertRefused(
            sheet.with_user(self.user_finance).write, {"review_ids": [Command.clear()]}
        )
        self.assertEqual(sheet.review_ids, reviews)

    def test_claimant_cannot_approve_their_own_report_outside_the_chain(self):
        """Odoo lets an expense manager approve their own report; the suite
        does not."""
        self.env.company.ops_expense_policy = False
        manager = ops_user(
            self.env,
            "ops_expense_manager",
            "ops_org.ops_org_group_employee,hr_expense.group_hr_expense_manager",
            self.env.company,
        )
        self.env["hr.employee"].create(
            {"name": "Expense manager", "user_id": manager.id, "department_id": self.department.id}
        )
        sheet = self.submit(self.make_sheet(user=manager))
        self.assertRefused(sheet.with_user(manager).action_approve_expense_sheets)
        self.assertRefused(sheet.with_user(manager).action_refuse_expense_sheets)
        self.assertRefused(sheet.with_user(manager).write, {"approval_state": "approve"})
        self.assertEqual(sheet.state, "submit")
        sheet.with_user(self.user_head).action_approve_expense_sheets()
        self.assertEqual(sheet.state, "approve")


@tagged("post_install", "-at_install")
class TestExpenseCommitment(ExpenseCommon):
    """Found: an expense was committed at its tax-included total but became
    actual at the net amount posted to the expense account, so "remaining"
    jumped at posting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.ops_expense_budget_check = "none"
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)
        cls.approve_budget()

    def _figures(self):
        self.line.invalidate_recordset()
        return self.line.committed_amount, self.line.actual_amount, self.line.remaining_amount

    def _report(self, tax):
        self.product.supplier_taxes_id = [Command.set(tax.ids)]
        sheet = self.submit(self.make_sheet(amount=115.0))
        self.assertEqual(sheet.expense_line_ids.tax_ids, tax)
        self.run_chain(sheet)
        self.assertEqual(sheet.state, "approve")
        return sheet

    def _report_figures(self):
        report = (
            self.env["ops.budget.execution.report"]
            .with_user(self.user_finance)
            .search(
                [("department_id", "=", self.department.id), ("account_id", "=", self.account.id)]
            )
        )
        return sum(report.mapped("committed_amount")), sum(report.mapped("actual_amount"))

    def test_recoverable_tax_is_committed_as_it_will_post(self):
        tax = self.company_data["default_tax_purchase"]
        self.assertEqual(tax.amount, 15.0)
        self.assertTrue(
            tax.invoice_repartition_line_ids.filtered(
                lambda r: r.repartition_type == "tax"
            ).account_id
        )
        sheet = self._report(tax)
        self.assertEqual(sheet.expense_line_ids.ops_budget_amount, 100.0)
        self.assertEqual(self._figures(), (100.0, 0.0, 900.0))
        self.assertEqual(self._report_figures(), (100.0, 0.0))
        sheet.with_user(self.user_finance).action_sheet_move_post()
        self.assertEqual(sheet.state, "post")
        # Committed before posting == actual after: remaining does not move.
        self.assertEqual(self._figures(), (0.0, 100.0, 900.0))
        self.assertEqual(self._report_figures(), (0.0, 100.0))

    def test_non_recoverable_tax_is_committed_in_full(self):
        tax = self.company_data["default_tax_purchase"].copy({"name": "Non-deductible 15%"})
        tax.invoice_repartition_line_ids.filtered(lambda r: r.repartition_type == "tax").write(
            {"account_id": False, "use_in_tax_closing": False}
        )
        sheet = self._report(tax)
        self.assertEqual(sheet.expense_line_ids.ops_budget_amount, 115.0)
        self.assertEqual(self._figures(), (115.0, 0.0, 885.0))
        sheet.with_user(self.user_finance).action_sheet_move_post()
        self.assertEqual(self._figures(), (0.0, 115.0, 885.0))


@tagged("post_install", "-at_install", "ops_access")
class TestBudgetRules(RefusedMixin, BudgetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)

    def test_finance_cannot_write_a_budget_approved(self):
        """Found: ops.budget draft -> approved (and validation_status =
        validated) by writing it, with no review."""
        budget = self.budget.with_user(self.user_finance)
        for vals in (
            {"state": "approved"},
            {"validation_status": "validated"},
            {"date_approved": "2027-01-01"},
            {"submitted_by_id": self.user_head.id},
            {"version": 5},
            {"previous_id": budget.id},
        ):
            with self.subTest(vals=vals):
                error = self.assertRefused(budget.write, vals)
                self.assertIn("changes only through the steps", str(error))
        self.assertRefused(
            self.env["ops.budget"].with_user(self.user_finance).create,
            {"name": "Forged", "year": 2031, "state": "approved"},
        )
        self.assertEqual(self.budget.state, "draft")
        self.assertEqual(self.budget.validation_status, "no")
        self.assertFalse(self.env["ops.budget"].sudo().search([("name", "=", "Forged")]))

    def test_department_parts_and_lines_follow_their_steps(self):
        self.assertRefused(self.part.with_user(self.user_head).write, {"state": "submitted"})
        self.assertRefused(self.part.with_user(self.user_finance).write, {"state": "submitted"})
        self.assertRefused(self.line.with_user(self.user_head).write, {"alert_level": 100.0})
        self.assertEqual(self.part.state, "draft")
        self.assertEqual(self.line.alert_level, 0.0)
        # Only finance reopens a submitted part.
        self.part.with_user(self.user_head).action_submit()
        self.assertRefused(self.part.with_user(self.user_head).action_reopen)
        self.part.with_user(self.user_finance).action_reopen()
        self.assertEqual(self.part.state, "draft")

    def test_approved_line_keeps_its_cost_centre(self):
        self.approve_budget()
        other = self.other_department._ops_cost_centre()
        self.assertRefused(
            self.line.with_user(self.user_head).write, {"analytic_account_id": other.id}
        )
        self.assertEqual(self.line.analytic_account_id, self.cost_centre)

    def test_year_abc_and_company_999_get_a_sentence(self):
        """Found: "ValueError: invalid literal for int()" (year 'abc') and
        "Constraint: ops_budget_company_id_fkey" (company 999)."""
        Budget = self.env["ops.budget"].with_user(self.user_finance)
        for vals, words in (
            ({"name": "Text year", "year": "abc"}, "is not a number"),
            ({"name": "Old year", "year": 1800}, "below the lowest value"),
            ({"name": "No company", "year": 2031, "company_id": 999_999}, "there is no"),
        ):
            with self.subTest(vals=vals):
                error = self.assertRefused(Budget.create, vals)
                self.assertIn(words, str(error))
                for raw in ("invalid literal", "fkey", "psycopg2"):
                    self.assertNotIn(raw, str(error))
        self.assertRefused(self.budget.with_user(self.user_finance).write, {"year": "abc"})
        self.assertEqual(self.budget.year, 2027)

    def test_negative_planned_amount_refused(self):
        error = self.assertRefused(
            self.line.with_user(self.user_head).write, {"planned_amount": -1.0}
        )
        self.assertIn("below the lowest value accepted (0)", str(error))
        self.assertEqual(self.line.planned_amount, 1000.0)

    def test_rejected_budget_is_revised_and_reviewed_again(self):
        self.budget.with_user(self.user_finance).action_consolidate()
        self.budget.with_user(self.user_finance).action_submit()
        self.budget.with_user(self.user_leader)._ops_reject("Too high")
        self.budget.with_user(self.user_finance).action_revise()
        self.assertEqual(self.budget.review_ids.status, "rejected", "kept until resubmitted")
        self.budget.with_user(self.user_finance).action_submit()
        self.assertEqual(self.budget.review_ids.status, "pending")
        self.budget.with_user(self.user_leader)._ops_approve()
        self.assertEqual(self.budget.state, "approved")

    def test_budget_under_review_is_not_submitted_again(self):
        self.budget.with_user(self.user_finance).action_consolidate()
        self.budget.with_user(self.user_finance).action_submit()
        review = self.budget.review_ids
        self.assertRefused(self.budget.with_user(self.user_finance).action_submit)
        self.assertEqual(self.budget.review_ids, review)
        self.assertEqual(review.status, "pending")

    def test_submitter_who_leads_cannot_approve_their_budget(self):
        self.user_finance.groups_id = [Command.link(self.env.ref(LEADERSHIP).id)]
        self.budget.with_user(self.user_finance).action_consolidate()
        self.budget.with_user(self.user_finance).action_submit()
        self.assertIn(self.user_finance, self.budget.review_ids.reviewer_ids)
        self.assertRefused(self.budget.with_user(self.user_finance).validate_tier)
        self.assertEqual(self.budget.state, "consolidation")


@tagged("post_install", "-at_install", "ops_access")
class TestAdjustmentRules(RefusedMixin, BudgetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)
        cls.approve_budget()
        cls.env["hr.employee"].create(
            {
                "name": "Finance head",
                "user_id": cls.user_finance.id,
                "department_id": cls.department.id,
            }
        )

    def _vals(self, amount=100.0, **extra):
        return {
            "budget_id": self.budget.id,
            "department_id": self.department.id,
            "explanation": "<p>New campaign</p>",
            "line_ids": [Command.create({"budget_line_id": self.line.id, "amount": amount})],
            **extra,
        }

    def _request(self, user, amount=100.0):
        return self.env["ops.budget.adjustment"].with_user(user).create(self._vals(amount)).sudo()

    def test_finance_head_cannot_name_another_requester_then_approve(self):
        """Found: a finance head set another person as requested_by_id of a
        budget adjustment and approved the finance step."""
        Adjustment = self.env["ops.budget.adjustment"].with_user(self.user_finance)
        self.assertRefused(Adjustment.create, self._vals(requested_by_id=self.user_head.id))
        request = self._request(self.user_finance)
        self.assertEqual(request.requested_by_id, self.user_finance)
        self.assertRefused(
            request.with_user(self.user_finance).write, {"requested_by_id": self.user_head.id}
        )
        request.with_user(self.user_finance).action_submit()
        self.assertRefused(request.with_user(self.user_finance).validate_tier)
        finance_step = request.review_ids.sorted("sequence")[0]
        self.assertRefused(finance_step.with_user(self.user_finance).action_ops_approve)
        self.assertEqual(request.requested_by_id, self.user_finance)
        self.assertEqual(finance_step.status, "pending")
        self.assertEqual(request.state, "submitted")

    def test_leadership_cannot_approve_before_finance(self):
        """Found: both tiers pending at once, leadership approved first."""
        request = self._request(self.user_head)
        request.with_user(self.user_head).action_submit()
        finance_step, leader_step = request.review_ids.sorted("sequence")
        self.assertEqual(
            finance_step.definition_id,
            self.env.ref("ops_finance.tier_definition_budget_adjustment_finance"),
        )
        self.assertEqual((finance_step.status, leader_step.status), ("pending", "waiting"))
        leader = self.user_leader
        wizard = (
            self.env["comment.wizard"]
            .with_user(leader)
            .create(
                {
                    "res_model": request._name,
                    "res_id": request.id,
                    "review_ids": [Command.set(leader_step.ids)],
                    "validate_reject": "validate",
                    "comment": "Go",
                }
            )
        )
        for call in (
            request.with_user(leader).validate_tier,
            lambda: request.with_user(leader)._ops_approve(reviews=leader_step),
            leader_step.with_user(leader).action_ops_approve,
            wizard.add_comment,
        ):
            self.assertRefused(call)
        self.assertEqual((finance_step.status, leader_step.status), ("pending", "waiting"))
        self.assertEqual(self.line.current_amount, 1000.0)
        request.with_user(self.user_finance)._ops_approve()
        request.with_user(leader)._ops_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.line.current_amount, 1100.0)

    def test_state_and_applied_changes_are_not_written(self):
        request = self._request(self.user_head)
        as_head = request.with_user(self.user_head)
        self.assertRefused(as_head.write, {"state": "approved"})
        self.assertRefused(as_head.write, {"date_applied": "2027-01-01 10:00:00"})
        self.assertRefused(request.line_ids.with_user(self.user_head).write, {"applied": True})
        self.assertRefused(
            request.line_ids.with_user(self.user_head).write, {"after_amount": 5000.0}
        )
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.line_ids.applied)
        self.assertEqual(self.line.current_amount, 1000.0)

    def test_changes_locked_once_submitted(self):
        request = self._request(self.user_head)
        request.with_user(self.user_head).action_submit()
        request.with_user(self.user_finance)._ops_approve()
        lines = request.line_ids.with_user(self.user_head)
        self.assertRefused(lines.write, {"amount": 50000.0})
        self.assertRefused(lines.unlink)
        self.assertRefused(
            self.env["ops.budget.adjustment.line"].with_user(self.user_head).create,
            {"adjustment_id": request.id, "budget_line_id": self.line.id, "amount": 9000.0},
        )
        self.assertEqual(request.amount_total, 100.0)

    def test_line_of_1e15_gets_a_sentence(self):
        """Found: a budget adjustment line of 1e15 was accepted."""
        Adjustment = self.env["ops.budget.adjustment"].with_user(self.user_head)
        for amount in (1e15, -1e15, float("inf")):
            with self.subTest(amount=amount):
                error = self.assertRefused(Adjustment.create, self._vals(amount))
                self.assertIn("Change (Budget Adjustment Line)", str(error))
        self.assertFalse(
            self.env["ops.budget.adjustment"].sudo().search([("budget_id", "=", self.budget.id)])
        )

    def test_finance_head_cannot_unlink_a_review(self):
        request = self._request(self.user_head)
        request.with_user(self.user_head).action_submit()
        reviews = request.review_ids
        self.assertRefused(reviews.with_user(self.user_finance).unlink)
        self.assertEqual(request.review_ids, reviews)

    def test_cut_still_a_negative_change(self):
        request = self._request(self.user_head, amount=-300.0)
        request.with_user(self.user_head).action_submit()
        request.with_user(self.user_finance)._ops_approve()
        request.with_user(self.user_leader)._ops_approve()
        self.assertEqual(self.line.current_amount, 700.0)


@tagged("post_install", "-at_install", "ops_access")
class TestCostIndicatorRules(RefusedMixin, BudgetCommon):
    def _indicator(self, department):
        return (
            self.env["ops.cost.indicator"]
            .with_user(self.user_finance)
            .create(
                {
                    "name": "Costs Q1",
                    "department_id": department.id,
                    "date_from": "2027-01-01",
                    "date_to": "2027-03-31",
                    "target": 90.0,
                }
            )
        )

    def test_result_and_score_come_from_the_assessment(self):
        indicator = self._indicator(self.department).with_user(self.user_finance)
        for vals in ({"state": "assessed"}, {"score": 100.0}, {"result": "met"}):
            with self.subTest(vals=vals):
                self.assertRefused(indicator.write, vals)
        self.assertRefused(indicator.write, {"target": -5.0})
        self.assertEqual(indicator.state, "open")
        self.assertFalse(indicator.score)

    def test_head_in_finance_does_not_assess_their_department(self):
        accounts = self.env["hr.department"].create(
            {
                "name": "Accounts",
                "manager_id": self.env["hr.employee"]
                .create({"name": "CFO", "user_id": self.user_finance.id})
                .id,
            }
        )
        indicator = self._indicator(accounts)
        self.assertRefused(indicator.with_user(self.user_finance).action_assess)
        self.assertEqual(indicator.state, "open")
        colleague = ops_user(
            self.env, "ops_finance_2", "ops_org.ops_org_group_finance", self.env.company
        )
        indicator.with_user(colleague).action_assess()
        self.assertEqual(indicator.state, "assessed")


@tagged("post_install", "-at_install", "ops_access")
class TestCashRules(RefusedMixin, CashCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls.env["res.partner"].create({"name": "ICBC Chaoyang"})

    def _plan(self):
        return self.make_plan("2027-03-01", [("expense", self.p_salaries, 1000.0)])

    def test_cash_plan_fields_follow_its_steps(self):
        plan = self._plan().with_user(self.user_finance)
        for vals in (
            {"state": "approved"},
            {"version": 3},
            {"submitted_by_id": self.user_leader.id},
            {"date_approved": "2027-03-01"},
            {"previous_id": plan.id},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(plan.write, vals)
        self.assertRefused(
            self.env["ops.cash.plan"].with_user(self.user_finance).create,
            {"month": "2027-04-01", "version": 7},
        )
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.version, 1)

    def test_funding_state_and_bounds(self):
        Funding = self.env["ops.funding"].with_user(self.user_finance)
        vals = {
            "kind": "bank_loan",
            "partner_id": self.partner.id,
            "amount": 1000.0,
            "date": "2027-01-15",
            "interest_rate": 5.0,
            "term_months": 12,
        }
        for extra in (
            {"state": "active"},
            {"amount": -1000.0},
            {"amount": 1e15},
            {"interest_rate": -1.0},
            {"interest_rate": 250.0},
            {"term_months": -3},
        ):
            with self.subTest(extra=extra):
                self.assertRefused(Funding.create, {**vals, **extra})
        funding = Funding.create(vals)
        self.assertRefused(funding.write, {"state": "closed"})
        self.assertRefused(funding.action_close)
        funding.action_activate()
        self.assertEqual(funding.state, "active")
        self.assertRefused(
            self.env["res.company"].browse(self.env.company.id).write,
            {"ops_funding_reminder_days": -30},
        )

    def test_fund_usage_check_is_not_cleared_by_who_paid(self):
        """The check of an outgoing payment goes to a finance officer who
        did not make it; who made it cannot clear it nor change the purpose
        of the posted movement."""
        payer = ops_user(
            self.env, "ops_finance_payer", "ops_org.ops_org_group_finance", self.env.company
        )
        payment = (
            self.env["account.payment"]
            .with_user(payer)
            .create(
                {
                    "payment_type": "outbound",
                    "partner_type": "supplier",
                    "partner_id": self.partner_a.id,
                    "amount": 300.0,
                    "date": "2027-03-10",
                    "journal_id": self.bank.id,
                }
            )
        )
        payment.with_user(payer).action_post()
        activity_type = self.env.ref("ops_finance.mail_activity_type_fund_usage")
        check = payment.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(check.user_id, self.user_finance)
        as_payer = check.with_user(payer)
        self.assertRefused(as_payer.action_feedback, feedback="fine")
        self.assertRefused(as_payer.action_done)
        self.assertRefused(as_payer.write, {"user_id": payer.id})
        self.assertRefused(as_payer.unlink)
        self.assertRefused(payment.with_user(payer).write, {"ops_fund_purpose_id": self.p_rent.id})
        self.assertRefused(
            payment.move_id.with_user(payer).write, {"ops_fund_purpose_id": self.p_rent.id}
        )
        self.assertTrue(check.exists())
        self.assertFalse(payment.ops_fund_purpose_id)
        # Finance (not the payer) clears it.
        payment.with_user(self.user_finance).ops_fund_purpose_id = self.p_salaries
        check.with_user(self.user_finance).action_feedback(feedback="Salaries advance")
        self.assertFalse(check.exists())


@tagged("post_install", "-at_install", "ops_access")
class TestFinanceRulesOverJsonRpc(ExpenseCommon, HttpCase):
    """The same cases as a logged-in user calling the server's JSON-RPC
    endpoint, as the web client and the mobile app do."""

    def call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def assertRpcRefused(self, model, method, args):
        with self.assertRaises(JsonRpcException) as caught:
            self.call_kw(model, method, args)
        self.assertRegex(str(caught.exception), r"odoo\.exceptions\.(AccessError|UserError|Valid)")

    def test_employee_forging_their_reviews_over_json_rpc(self):
        sheet = self.submit(self.make_sheet())
        head_step, finance_step, _leader_step = sheet.review_ids.sorted("sequence")
        self.authenticate("ops_employee", "ops_employee")
        for review in (head_step, finance_step):
            self.assertRpcRefused(
                "tier.review",
                "write",
                [review.ids, {"status": "approved", "done_by": self.user_head.id}],
            )
        self.assertRpcRefused("tier.review", "unlink", [head_step.ids])
        self.assertRpcRefused(
            "tier.review",
            "create",
            [
                {
                    "model": sheet._name,
                    "res_id": sheet.id,
                    "definition_id": head_step.definition_id.id,
                    "status": "approved",
                }
            ],
        )
        for vals in ({"approval_state": "approve"}, {"validation_status": "validated"}):
            self.assertRpcRefused("hr.expense.sheet", "write", [sheet.ids, vals])
        sheet.invalidate_recordset()
        sheet.review_ids.invalidate_recordset()
        self.assertEqual(
            sheet.review_ids.sorted("sequence").mapped("status"), ["pending", "waiting", "waiting"]
        )
        self.assertEqual(sheet.approval_state, "submit")

    def test_finance_writing_a_budget_approved_over_json_rpc(self):
        self.add_line(self.part)
        self.authenticate("ops_finance", "ops_finance")
        for vals in ({"state": "approved"}, {"validation_status": "validated"}):
            self.assertRpcRefused("ops.budget", "write", [self.budget.ids, vals])
        self.assertRpcRefused("ops.budget", "create", [{"name": "Bad year", "year": "abc"}])
        self.assertRpcRefused(
            "ops.budget", "create", [{"name": "No company", "year": 2031, "company_id": 999_999}]
        )
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.sudo().state, "draft")
        # A step answers a value XML-RPC and JSON-RPC carry.
        self.assertIs(self.call_kw("ops.budget", "action_consolidate", [self.budget.ids]), True)
