# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .test_ops_expense import ExpenseCommon


@tagged("post_install", "-at_install")
class TestCashPlanDrafting(ExpenseCommon):
    """Policy §六(三)1 (每月): from the company's drafting day (the 20th
    here) next month's cash plan is drafted once from what is known — the
    funding schedule items of the month, the open invoices and bills due by
    its end, the approved expense reports not paid yet — and finance is told
    and given a to-do to submit it before the month starts. The daily job
    runs twice each time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.ops_cash_plan_day = 20
        ref = cls.env.ref
        cls.p_receipts = ref("ops_finance.ops_fund_purpose_customer_receipts")
        cls.p_other = ref("ops_finance.ops_fund_purpose_other")
        cls.p_debt = ref("ops_finance.ops_fund_purpose_loan_repayment")
        cls.p_reimbursement = ref("ops_finance.ops_fund_purpose_expense_reimbursement")
        loan = (
            cls.env["ops.funding"]
            .with_user(cls.user_finance)
            .create(
                {
                    "kind": "bank_loan",
                    "partner_id": cls.partner_a.id,
                    "amount": 120000.0,
                    "date": "2027-01-15",
                    "interest_rate": 6.0,
                    "term_months": 12,
                }
            )
        )
        loan.action_generate_schedule()
        loan.action_activate()
        cls.march_items = loan.schedule_ids.filtered(
            lambda s: str(s.date) >= "2027-03-01" and str(s.date) <= "2027-03-31"
        )
        # A customer invoice due in March, a bill due in February still
        # open, one paid, one due in April (not yet).
        cls.invoice = cls.init_invoice(
            "out_invoice", invoice_date="2027-03-15", post=True, amounts=[1000.0], taxes=[]
        )
        cls.bill = cls.init_invoice(
            "in_invoice", invoice_date="2027-02-10", post=True, amounts=[300.0], taxes=[]
        )
        paid = cls.init_invoice(
            "in_invoice", invoice_date="2027-02-11", post=True, amounts=[50.0], taxes=[]
        )
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid.ids
        ).create({"payment_date": "2027-02-11"})._create_payments()
        cls.init_invoice(
            "in_invoice", invoice_date="2027-04-10", post=True, amounts=[70.0], taxes=[]
        )
        # An expense report through the chain, approved, not paid; one
        # only submitted.
        cls.sheet = cls.submit(cls.make_sheet(amount=120.0, day="2027-02-05"))
        cls.sheet.with_user(cls.user_head)._ops_approve()
        cls.sheet.with_user(cls.user_finance).write(
            {"ops_check_authentic": True, "ops_check_legal": True, "ops_check_complete": True}
        )
        cls.sheet.with_user(cls.user_finance)._ops_approve()
        cls.sheet.with_user(cls.user_leader)._ops_approve()
        cls.submit(cls.make_sheet(amount=40.0, day="2027-02-06"))

    def _run(self, day):
        Plan = self.env["ops.cash.plan"].sudo()  # as the scheduler (superuser)
        with freeze_time(day):
            for _ in range(2):
                Plan._cron_draft_next_month()
        return Plan.search([("company_id", "=", self.company.id), ("month", "=", "2027-03-01")])

    def _line(self, plan, direction, purpose):
        return plan.line_ids.filtered(
            lambda ln: ln.direction == direction and ln.fund_purpose_id == purpose
        )

    def test_drafted_once_from_the_drafting_day(self):
        self.assertEqual(self.sheet.state, "approve")
        self.assertFalse(self._run("2027-02-19"), "before the drafting day")
        plan = self._run("2027-02-20")
        self.assertEqual(len(plan), 1, "at the drafting day, once")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(self._line(plan, "income", self.p_receipts).planned_amount, 1000.0)
        self.assertEqual(self._line(plan, "income", self.p_receipts).move_ids, self.invoice)
        bills = self._line(plan, "expense", self.p_other)
        self.assertEqual(bills.planned_amount, 300.0, "the open bill, not the paid or later one")
        self.assertEqual(bills.move_ids, self.bill)
        reimbursement = self._line(plan, "expense", self.p_reimbursement)
        self.assertEqual(reimbursement.planned_amount, 120.0, "approved, not the submitted one")
        self.assertEqual(reimbursement.expense_sheet_ids, self.sheet)
        debt = self._line(plan, "expense", self.p_debt)
        self.assertTrue(self.march_items)
        self.assertEqual(
            debt.planned_amount,
            sum(self.march_items.filtered(lambda s: s.direction == "expense").mapped("amount")),
        )
        # Finance is told once and has one to-do, due before March.
        told = plan.message_ids.filtered(lambda m: self.user_finance.partner_id in m.partner_ids)
        self.assertEqual(len(told), 1)
        self.assertEqual(len(plan.activity_ids), 1)
        self.assertEqual(plan.activity_ids.user_id, self.user_finance)
        self.assertEqual(str(plan.activity_ids.date_deadline), "2027-02-28")
        # After the day, nothing more.
        self.assertEqual(self._run("2027-02-27"), plan)
        self.assertEqual(len(plan.line_ids.move_ids), 2)

    def test_a_plan_finance_drafted_already_is_left_alone(self):
        made = (
            self.env["ops.cash.plan"].with_user(self.user_finance).create({"month": "2027-03-01"})
        )
        self.assertEqual(self._run("2027-02-22"), made)
        self.assertFalse(made.line_ids)
        # Finance fills it by hand with the same items, once.
        made.with_user(self.user_finance).action_fill_from_schedules()
        self.assertEqual(self._line(made, "expense", self.p_reimbursement).planned_amount, 120.0)
        result = made.with_user(self.user_finance).action_fill_from_schedules()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(self._line(made, "expense", self.p_reimbursement).planned_amount, 120.0)

    def test_new_version_does_not_plan_an_item_twice(self):
        plan = self._run("2027-02-20")
        self.approve_cash_plan(plan)
        new = plan.browse(plan.with_user(self.user_finance).action_new_version()["res_id"])
        new.with_user(self.user_finance).action_fill_from_schedules()
        self.assertEqual(self._line(new, "income", self.p_receipts).planned_amount, 1000.0)
        self.assertEqual(self._line(new, "expense", self.p_reimbursement).planned_amount, 120.0)

    def approve_cash_plan(self, plan):
        plan.with_user(self.user_finance).action_submit()
        plan.with_user(self.user_leader)._ops_approve()
        self.assertEqual(plan.state, "approved")

    def test_drafting_day_is_within_the_month(self):
        for day in (0, 29):
            with self.assertRaises(ValidationError):
                self.company.ops_cash_plan_day = day
