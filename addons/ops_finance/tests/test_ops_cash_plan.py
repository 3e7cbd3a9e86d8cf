# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CashCommon


@tagged("post_install", "-at_install")
class TestCashPlan(CashCommon):
    """The monthly cash plan: planned against the posted movements of the
    bank and cash accounts, approved by leadership, locked, versioned."""

    def _plan_march(self):
        return self.make_plan(
            "2027-03-01",
            [
                ("income", self.p_receipts, 5000.0),
                ("expense", self.p_salaries, 1000.0),
                ("expense", self.p_marketing, 800.0),
            ],
        )

    def _book_movements(self):
        """February: 10,000 in. March: 3,000 received on a statement line,
        1,200 of salaries paid, 500 of marketing, 200 without purpose, 100
        of rent from the cash box. Not counted: a draft entry in March, an
        entry in April, a line on a non-liquidity account."""
        self.bank_entry(10000.0, "2027-02-10", self.p_receipts)
        line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank.id,
                "date": "2027-03-03",
                "amount": 3000.0,
                "payment_ref": "Customer transfer",
                "ops_fund_purpose_id": self.p_receipts.id,
            }
        )
        self.assertEqual(line.move_id.state, "posted")
        self.payment(-1200.0, "2027-03-05", self.p_salaries)
        self.bank_entry(-500.0, "2027-03-08", self.p_marketing)
        self.bank_entry(-200.0, "2027-03-09")
        self.bank_entry(-100.0, "2027-03-10", self.p_rent, journal=self.cash)
        self.bank_entry(-999.0, "2027-03-11", self.p_salaries, post=False)
        self.bank_entry(-700.0, "2027-04-02", self.p_salaries)

    def test_planned_and_actual_figures(self):
        plan = self._plan_march()
        self._book_movements()
        plan.invalidate_recordset()
        plan.line_ids.invalidate_recordset()
        self.assertEqual(plan.month.isoformat(), "2027-03-01")
        self.assertEqual(plan.planned_income, 5000.0)
        self.assertEqual(plan.planned_expense, 1800.0)
        self.assertEqual(plan.opening_balance, 10000.0)
        self.assertEqual(plan.planned_closing_balance, 13200.0)
        self.assertEqual(plan.actual_income, 3000.0)
        self.assertEqual(plan.actual_expense, 2000.0)
        self.assertEqual(plan.actual_closing_balance, 11000.0)
        self.assertEqual(plan.variance_amount, -2200.0)
        by_purpose = {line.fund_purpose_id: line for line in plan.line_ids}
        self.assertEqual(by_purpose[self.p_receipts].actual_amount, 3000.0)
        self.assertEqual(by_purpose[self.p_receipts].variance_amount, -2000.0)
        self.assertEqual(by_purpose[self.p_salaries].actual_amount, 1200.0)
        self.assertEqual(by_purpose[self.p_salaries].variance_amount, 200.0)
        self.assertEqual(by_purpose[self.p_marketing].actual_amount, 500.0)
        # The salaries payment books straight on the bank here: actual, not
        # outstanding (ops_finance_reconcile tests Odoo's outstanding accounts).
        self.assertEqual(by_purpose[self.p_salaries].outstanding_amount, 0.0)
        self.assertEqual(plan.outstanding_expense, 0.0)
        # Leadership reads the same figures.
        as_leader = plan.with_user(self.user_leader)
        self.assertEqual(as_leader.actual_closing_balance, 11000.0)

    def test_actuals_take_one_query_per_plan(self):
        plan = self._plan_march()
        self._book_movements()
        self.env.flush_all()
        plan.line_ids.mapped("fund_purpose_id")
        plan.line_ids.mapped("direction")
        plan.line_ids.mapped("planned_amount")
        plan.mapped("date_to")
        plan.mapped("planned_income")
        plan.invalidate_recordset(
            [
                "opening_balance",
                "planned_closing_balance",
                "actual_income",
                "actual_expense",
                "actual_closing_balance",
                "variance_amount",
            ]
        )
        plan.line_ids.invalidate_recordset(["actual_amount", "variance_amount"])
        with self.assertQueryCount(2):
            plan.mapped("actual_expense")
            plan.line_ids.mapped("actual_amount")

    def test_each_actual_opens_its_journal_items(self):
        plan = self._plan_march()
        self._book_movements()
        AML = self.env["account.move.line"]

        def total(action, field):
            self.assertEqual(action["res_model"], "account.move.line")
            return sum(AML.search(action["domain"]).mapped(field))

        self.assertEqual(total(plan.action_open_opening_items(), "balance"), 10000.0)
        self.assertEqual(total(plan.action_open_income_items(), "debit"), 3000.0)
        self.assertEqual(total(plan.action_open_expense_items(), "credit"), 2000.0)
        self.assertEqual(total(plan.action_open_month_items(), "balance"), 1000.0)
        for line in plan.line_ids:
            field = "debit" if line.direction == "income" else "credit"
            items = AML.search(line.action_open_journal_items()["domain"])
            self.assertEqual(sum(items.mapped(field)), line.actual_amount)
            self.assertEqual(items.move_id.ops_fund_purpose_id, line.fund_purpose_id)

    def test_finance_drafts_in_the_form(self):
        with Form(self.env["ops.cash.plan"].with_user(self.user_finance)) as form:
            form.month = "2027-05-17"
            with form.line_ids.new() as line:
                line.direction = "expense"
                line.fund_purpose_id = self.p_rent
                line.planned_amount = 300.0
        plan = form.record
        self.assertEqual(plan.month.isoformat(), "2027-05-01")
        self.assertEqual(plan.name, "2027-05")
        self.assertEqual(plan.planned_expense, 300.0)
        self.assertEqual(plan.state, "draft")

    def test_leadership_approves_and_the_plan_locks(self):
        plan = self._plan_march()
        plan.with_user(self.user_finance).action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.submitted_by_id, self.user_finance)
        self.assertTrue(plan.review_ids)
        plan.with_user(self.user_leader)._ops_approve()
        self.assertEqual(plan.state, "approved")
        self.assertTrue(plan.date_approved)
        line = plan.line_ids[0]
        with self.assertRaises(UserError) as caught:
            plan.with_user(self.user_finance).note = "<p>Changed</p>"
        self.assertIn("approved and locked", str(caught.exception))
        with self.assertRaises(UserError):
            line.with_user(self.user_finance).planned_amount = 1.0
        with self.assertRaises(UserError):
            self.env["ops.cash.plan.line"].with_user(self.user_finance).create(
                {
                    "plan_id": plan.id,
                    "direction": "expense",
                    "fund_purpose_id": self.p_rent.id,
                    "planned_amount": 10.0,
                }
            )
        with self.assertRaises(UserError):
            line.with_user(self.user_finance).unlink()
        with self.assertRaises(UserError):
            plan.with_user(self.user_finance).unlink()
        self.assertEqual(len(plan.line_ids), 3)
        self.assertEqual(plan.planned_expense, 1800.0)

    def test_leadership_opens_the_plan_it_approves(self):
        """Leadership, who reads no payment, opens the submitted plan in its
        form: its figures, the payments not yet on the bank included, read
        (an access error on account.payment before)."""
        plan = self._plan_march()
        plan.with_user(self.user_finance).action_submit()
        with self.assertRaises(AccessError):
            self.env["account.payment"].with_user(self.user_leader).search([])
        form = Form(plan.with_user(self.user_leader))
        self.assertEqual(form.outstanding_expense, 0.0)
        self.assertEqual(form.planned_expense, 1800.0)
        plan.with_user(self.user_leader)._ops_approve()
        self.assertEqual(plan.state, "approved")

    def test_finance_cannot_edit_a_submitted_plan(self):
        plan = self._plan_march()
        plan.with_user(self.user_finance).action_submit()
        with self.assertRaises(UserError):
            plan.line_ids[0].with_user(self.user_finance).planned_amount = 1.0
        with self.assertRaises(UserError):
            plan.with_user(self.user_finance).action_fill_from_schedules()

    def test_rejected_plan_goes_back_to_draft(self):
        plan = self._plan_march()
        plan.with_user(self.user_finance).action_submit()
        with self.assertRaises(UserError):
            plan.with_user(self.user_leader)._ops_reject("")
        plan.with_user(self.user_leader)._ops_reject("Too optimistic")
        self.assertEqual(plan.state, "rejected")
        plan.with_user(self.user_finance).action_draft()
        self.assertEqual(plan.state, "draft")
        plan.line_ids[0].with_user(self.user_finance).planned_amount = 4000.0
        self.approve_plan(plan)
        self.assertEqual(plan.state, "approved")

    def test_new_version_supersedes_and_old_stays_readable(self):
        plan = self.approve_plan(self._plan_march())
        action = plan.with_user(self.user_finance).action_new_version()
        new = plan.browse(action["res_id"])
        self.assertEqual(new.version, 2)
        self.assertEqual(new.previous_id, plan)
        self.assertEqual(new.name, "2027-03 v2")
        self.assertEqual(new.state, "draft")
        self.assertEqual(len(new.line_ids), 3)
        self.assertEqual(plan.state, "approved", "still approved until v2 is")
        new.line_ids.filtered(lambda ln: ln.fund_purpose_id == self.p_salaries).with_user(
            self.user_finance
        ).planned_amount = 1500.0
        self.approve_plan(new)
        self.assertEqual(new.state, "approved")
        self.assertEqual(plan.state, "superseded")
        approved = (
            self.env["ops.cash.plan"]
            .sudo()
            .search([("month", "=", "2027-03-01"), ("state", "=", "approved")])
        )
        self.assertEqual(approved, new)
        old = plan.with_user(self.user_leader)
        self.assertEqual(old.planned_expense, 1800.0)
        with self.assertRaises(UserError):
            plan.with_user(self.user_finance).note = "<p>x</p>"

    def test_a_second_plan_of_the_month_is_its_next_version(self):
        first = self.approve_plan(self._plan_march())
        second = self.make_plan("2027-03-20", [("expense", self.p_salaries, 900.0)])
        self.assertEqual(second.version, 2)
        self.approve_plan(second)
        self.assertEqual(first.state, "superseded")
        self.assertEqual(
            self.env["ops.cash.plan"]
            .sudo()
            .search_count([("month", "=", "2027-03-01"), ("state", "=", "approved")]),
            1,
        )

    def test_negative_planned_amount_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.make_plan("2027-06-01", [("expense", self.p_rent, -5.0)])
        # Refused by the bound of the field (ops_min=0) before the record's rule.
        self.assertIn("below the lowest value accepted (0)", str(caught.exception))
        self.assertFalse(self.env["ops.cash.plan"].sudo().search([("month", "=", "2027-06-01")]))
        plan = self._plan_march()
        with self.assertRaises(ValidationError):
            plan.line_ids[0].with_user(self.user_finance).planned_amount = -1.0
        self.assertEqual(plan.line_ids[0].planned_amount, 5000.0)

    def test_empty_plan_cannot_be_submitted(self):
        plan = self.make_plan("2027-06-01", [])
        with self.assertRaises(UserError) as caught:
            plan.with_user(self.user_finance).action_submit()
        self.assertIn("no line to approve", str(caught.exception))
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.review_ids)

    def test_closed_month_is_refused(self):
        plan = self._plan_march()
        self.env.company.fiscalyear_lock_date = "2027-03-31"
        with self.assertRaises(ValidationError) as caught:
            self.make_plan("2027-02-01", [("expense", self.p_rent, 5.0)])
        self.assertIn("closed in Accounting", str(caught.exception))
        self.assertFalse(self.env["ops.cash.plan"].sudo().search([("month", "=", "2027-02-01")]))
        with self.assertRaises(ValidationError):
            plan.with_user(self.user_finance).action_submit()
        self.assertEqual(plan.state, "draft")
        self.make_plan("2027-04-01", [("expense", self.p_rent, 5.0)])

    def test_one_line_per_purpose_and_direction(self):
        with self.assertRaises(ValidationError):
            self.make_plan(
                "2027-06-01",
                [("expense", self.p_rent, 5.0), ("expense", self.p_rent, 6.0)],
            )
        with self.assertRaises(ValidationError):
            self.make_plan("2027-06-01", [("income", self.p_rent, 5.0)])
        self.assertFalse(self.env["ops.cash.plan"].sudo().search([("month", "=", "2027-06-01")]))

    @mute_logger("odoo.sql_db")
    def test_approved_plan_is_unique_per_month(self):
        plan = self.approve_plan(self._plan_march())
        other = self.make_plan("2027-03-01", [("expense", self.p_rent, 5.0)])
        # Even forced past the ORM, the database keeps one approved plan.
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE ops_cash_plan SET state = 'approved' WHERE id = %s", [other.id]
            )
        self.assertEqual(plan.state, "approved")

    def test_deleting_a_posted_payment_with_a_fund_purpose(self):
        """Reset to draft and deleted, as Odoo's flows do (hr_expense's tests
        among them): Odoo deletes the journal entry first; the note and
        activity of the fund-usage check do not get in the way."""
        payment = self.payment(-50.0, "2027-03-05", self.p_salaries)
        move = payment.move_id
        self.assertTrue(payment.activity_ids)
        payment.action_draft()
        payment.unlink()
        self.assertFalse(move.exists())
        self.assertFalse(payment.exists())

    def test_fund_purpose_shows_on_payments_and_statement_lines(self):
        payment = self.payment(-50.0, "2027-03-05", self.p_salaries, post=False)
        self.assertEqual(payment.ops_fund_purpose_id, self.p_salaries)
        payment.ops_fund_purpose_id = self.p_rent
        payment.action_post()
        self.assertEqual(payment.move_id.ops_fund_purpose_id, self.p_rent)
        # Once posted, finance (not who made the payment) changes the purpose.
        payment.with_user(self.user_finance).ops_fund_purpose_id = self.p_marketing
        self.assertEqual(payment.move_id.ops_fund_purpose_id, self.p_marketing)
        payment.move_id.with_user(self.user_finance).ops_fund_purpose_id = self.p_rent
        self.assertEqual(payment.ops_fund_purpose_id, self.p_rent)
        line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank.id,
                "date": "2027-03-03",
                "amount": -20.0,
                "payment_ref": "Fee",
                "ops_fund_purpose_id": self.p_rent.id,
            }
        )
        self.assertEqual(line.move_id.ops_fund_purpose_id, self.p_rent)
        # The plan's line of that purpose sees both.
        plan = self.make_plan("2027-03-01", [("expense", self.p_rent, 100.0)])
        self.assertEqual(plan.line_ids.actual_amount, 70.0)
        found = self.env["ops.fund.purpose"].with_user(self.user_finance).name_search("OUT-OFFICE")
        self.assertEqual([row[0] for row in found], self.p_rent.ids)

    def test_copy_keeps_lines_only_through_new_version(self):
        plan = self._plan_march()
        copy = plan.with_user(self.user_finance).copy()
        self.assertEqual(copy.version, 2)
        self.assertFalse(copy.line_ids)
        copy.with_user(self.user_finance).write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "direction": "expense",
                            "fund_purpose_id": self.p_rent.id,
                            "planned_amount": 1.0,
                        }
                    )
                ]
            }
        )
        self.assertEqual(copy.planned_expense, 1.0)
