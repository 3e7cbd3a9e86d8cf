# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CashCommon


@tagged("post_install", "-at_install")
class TestFunding(CashCommon):
    """Funding records (资金筹集) with their schedules, planned into the cash
    plan and reminded to finance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bank_partner = cls.env["res.partner"].create({"name": "ICBC Chaoyang"})

    def _loan(self, **values):
        vals = {
            "kind": "bank_loan",
            "partner_id": self.bank_partner.id,
            "amount": 120000.0,
            "date": "2027-01-15",
            "interest_rate": 6.0,
            "term_months": 12,
        }
        vals.update(values)
        return self.env["ops.funding"].with_user(self.user_finance).create(vals)

    def test_loan_in_the_form_and_its_schedule(self):
        with Form(self.env["ops.funding"].with_user(self.user_finance)) as form:
            form.partner_id = self.bank_partner
            form.amount = 120000.0
            form.date = "2027-01-15"
            form.interest_rate = 6.0
            form.term_months = 12
            form.purpose = "Production of the spring series"
        loan = form.record
        self.assertTrue(loan.name.startswith("FUND/"))
        self.assertEqual(loan.kind, "bank_loan")
        self.assertEqual(loan.date_maturity.isoformat(), "2028-01-15")
        loan.action_generate_schedule()
        kinds = loan.schedule_ids.mapped("kind")
        self.assertEqual(kinds.count("drawdown"), 1)
        self.assertEqual(kinds.count("interest"), 12)
        self.assertEqual(kinds.count("repayment"), 1)
        interest = loan.schedule_ids.filtered(lambda s: s.kind == "interest")
        self.assertEqual(set(interest.mapped("amount")), {600.0})
        drawdown = loan.schedule_ids.filtered(lambda s: s.kind == "drawdown")
        self.assertEqual(drawdown.direction, "income")
        self.assertEqual(drawdown.fund_purpose_id, self.p_loan)
        self.assertEqual(interest.fund_purpose_id, self.p_debt)
        loan.action_activate()
        self.assertEqual(loan.state, "active")
        with self.assertRaises(UserError):
            loan.action_generate_schedule()
        drawdown.done = True
        self.assertEqual(loan.received_amount, 120000.0)
        self.assertEqual(loan.outstanding_amount, 120000.0)

    def test_equity_and_bond_schedules(self):
        equity = self._loan(kind="equity", interest_rate=0.0, term_months=0)
        equity.action_generate_schedule()
        self.assertEqual(equity.schedule_ids.kind, "drawdown")
        self.assertEqual(
            equity.schedule_ids.fund_purpose_id,
            self.env.ref("ops_finance.ops_fund_purpose_equity_proceeds"),
        )
        bond = self._loan(kind="bond", term_months=2)
        bond.action_generate_schedule()
        self.assertEqual(
            bond.schedule_ids.filtered(lambda s: s.kind == "drawdown").fund_purpose_id,
            self.env.ref("ops_finance.ops_fund_purpose_bond_proceeds"),
        )
        self.assertEqual(len(bond.schedule_ids), 4)

    def test_amount_must_be_positive(self):
        for amount in (0.0, -10.0):
            with self.assertRaises(ValidationError) as caught:
                self._loan(amount=amount)
            # Zero: the record's rule; below zero: the bound of the field.
            self.assertRegex(
                str(caught.exception), "amount must be positive|below the lowest value accepted"
            )
        self.assertFalse(
            self.env["ops.funding"].sudo().search([("partner_id", "=", self.bank_partner.id)])
        )

    def test_schedule_item_before_funding_date_is_refused(self):
        loan = self._loan()
        with self.assertRaises(ValidationError) as caught:
            loan.write(
                {
                    "schedule_ids": [
                        Command.create({"date": "2027-02-15", "kind": "interest", "amount": 600}),
                        Command.create({"date": "2027-01-01", "kind": "interest", "amount": 600}),
                    ]
                }
            )
        self.assertIn("cannot come before the funding date", str(caught.exception))
        self.assertFalse(loan.schedule_ids)
        loan.write(
            {
                "schedule_ids": [
                    Command.create({"date": "2027-02-15", "kind": "interest", "amount": 1})
                ]
            }
        )
        with self.assertRaises(ValidationError):
            loan.date = "2027-03-01"
        self.assertEqual(loan.date.isoformat(), "2027-01-15")
        with self.assertRaises(ValidationError):
            loan.schedule_ids.amount = 0.0

    def test_only_draft_funding_is_deleted(self):
        loan = self._loan()
        loan.action_activate()
        with self.assertRaises(UserError):
            loan.unlink()
        loan.action_close()
        self.assertEqual(loan.state, "closed")

    def test_fill_plan_from_schedules(self):
        loan = self._loan()
        loan.action_generate_schedule()
        loan.action_activate()
        self._loan(kind="equity", amount=50000.0, date="2027-03-02").action_generate_schedule()
        closed = self._loan(amount=7.0, date="2027-03-01")
        closed.action_generate_schedule()
        closed.action_activate()
        closed.action_close()
        plan = self.make_plan("2027-03-01", [("expense", self.p_debt, 100.0)])
        plan.with_user(self.user_finance).action_fill_from_schedules()
        debt = plan.line_ids.filtered(lambda ln: ln.fund_purpose_id == self.p_debt)
        # 100 planned by hand + the loan's March interest (600).
        self.assertEqual(debt.planned_amount, 700.0)
        equity = plan.line_ids.filtered(
            lambda ln: (
                ln.fund_purpose_id == self.env.ref("ops_finance.ops_fund_purpose_equity_proceeds")
            )
        )
        self.assertEqual(equity.direction, "income")
        self.assertEqual(equity.planned_amount, 50000.0)
        self.assertEqual(len(plan.line_ids), 2, "nothing of the closed funding")
        # Running it again adds nothing.
        result = plan.with_user(self.user_finance).action_fill_from_schedules()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(debt.planned_amount, 700.0)
        # A done item is not planned.
        april = self.make_plan("2027-04-01", [])
        loan.schedule_ids.filtered(lambda s: s.date.month == 4 and s.date.year == 2027).write(
            {"done": True}
        )
        april.with_user(self.user_finance).action_fill_from_schedules()
        self.assertFalse(april.line_ids)

    def test_pay_an_item_proposes_its_purpose(self):
        loan = self._loan()
        loan.action_generate_schedule()
        item = loan.schedule_ids.filtered(lambda s: s.kind == "interest")[:1]
        as_finance = item.with_user(self.user_finance)
        action = as_finance.action_ops_pay()
        payment = self.env["account.payment"].browse(action["res_id"])
        self.assertEqual(item.payment_id, payment)
        self.assertRecordValues(
            payment,
            [
                {
                    "state": "draft",
                    "payment_type": "outbound",
                    "partner_id": self.bank_partner.id,
                    "amount": item.amount,
                    "date": item.date,
                    "ops_fund_purpose_id": self.p_debt.id,
                }
            ],
        )
        payment.with_user(self.user_finance).action_post()
        self.assertTrue(item.done)
        with self.assertRaises(UserError):
            as_finance.action_ops_pay()
        drawdown = loan.schedule_ids.filtered(lambda s: s.kind == "drawdown")[:1]
        received = self.env["account.payment"].browse(
            drawdown.with_user(self.user_finance).action_ops_pay()["res_id"]
        )
        self.assertEqual(received.payment_type, "inbound")
        self.assertEqual(received.ops_fund_purpose_id, self.p_loan)

    def test_schedule_item_done_by_its_payment(self):
        loan = self._loan()
        item = (
            self.env["ops.funding.schedule"]
            .with_user(self.user_finance)
            .create(
                {
                    "funding_id": loan.id,
                    "date": "2027-02-15",
                    "kind": "interest",
                    "amount": 600.0,
                }
            )
        )
        payment = self.payment(-600.0, "2027-02-15", self.p_debt, post=False)
        item.payment_id = payment
        self.assertFalse(item.done)
        payment.action_post()
        self.assertTrue(item.done)

    @freeze_time("2027-02-08 12:00:00")
    def test_cron_reminds_finance_before_due_date(self):
        self.env.company.ops_funding_reminder_days = 7
        loan = self._loan()
        loan.write(
            {
                "schedule_ids": [
                    Command.create({"date": "2027-02-15", "kind": "interest", "amount": 600}),
                    Command.create({"date": "2027-02-16", "kind": "interest", "amount": 600}),
                    Command.create(
                        {"date": "2027-02-10", "kind": "interest", "amount": 600, "done": True}
                    ),
                ]
            }
        )
        loan.action_activate()
        Schedule = self.env["ops.funding.schedule"].sudo()
        Schedule._cron_funding_reminders()
        activities = loan.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_finance)
        self.assertEqual(activities.date_deadline.isoformat(), "2027-02-15")
        self.assertIn(loan.name, str(activities.note))
        due = loan.schedule_ids.filtered(lambda s: s.date.day == 15)
        self.assertTrue(due.reminded)
        Schedule._cron_funding_reminders()
        self.assertEqual(len(loan.activity_ids), 1, "once per item")
        with freeze_time("2027-02-09 12:00:00"):
            Schedule._cron_funding_reminders()
        self.assertEqual(len(loan.activity_ids), 2, "the 16th is now within 7 days")

    @freeze_time("2027-02-08 12:00:00")
    def test_reminder_goes_to_a_finance_officer(self):
        self.env.company.ops_funding_reminder_days = 3
        loan = self._loan(user_id=self.user_leader.id)
        loan.write(
            {
                "schedule_ids": [
                    Command.create({"date": "2027-02-10", "kind": "interest", "amount": 1})
                ]
            }
        )
        self.env["ops.funding.schedule"].sudo()._cron_funding_reminders()
        self.assertEqual(loan.activity_ids.user_id, self.user_finance)

    def test_reminder_days_cannot_be_negative(self):
        with self.assertRaises(ValidationError):
            self.env.company.ops_funding_reminder_days = -1
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.ops_funding_reminder_days, 7)
