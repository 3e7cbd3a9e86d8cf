# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CashCommon


@tagged("post_install", "-at_install")
class TestFundUsage(CashCommon):
    """Fund-usage monitoring (资金使用): outgoing bank and cash movements
    without purpose, outside the approved plan or beyond it are flagged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.approve_plan(
            cls.make_plan(
                "2027-03-01",
                [
                    ("income", cls.p_receipts, 5000.0),
                    ("expense", cls.p_salaries, 1000.0),
                    ("expense", cls.p_marketing, 500.0),
                ],
            )
        )

    def _row(self, move):
        Report = self.env["ops.fund.usage.report"].with_user(self.user_finance)
        return Report.search([("move_id", "=", move.id)])

    def _flags(self, move):
        row = self._row(move)
        self.assertEqual(len(row), 1)
        return (row.no_purpose, row.unplanned, row.over_plan, row.flagged)

    def test_flags(self):
        within = self.bank_entry(-600.0, "2027-03-02", self.p_salaries)
        no_purpose = self.bank_entry(-300.0, "2027-03-03")
        unplanned = self.bank_entry(-200.0, "2027-03-04", self.p_rent)
        over_1 = self.bank_entry(-400.0, "2027-03-05", self.p_marketing)
        over_2 = self.bank_entry(-200.0, "2027-03-06", self.p_marketing, journal=self.cash)
        receipt = self.bank_entry(1000.0, "2027-03-07", self.p_receipts)
        draft = self.bank_entry(-50.0, "2027-03-08", post=False)
        april = self.bank_entry(-100.0, "2027-04-02", self.p_salaries)
        self.assertEqual(self._flags(within), (False, False, False, False))
        self.assertEqual(self._flags(no_purpose), (True, False, False, True))
        self.assertEqual(self._flags(unplanned), (False, True, False, True))
        self.assertEqual(self._flags(over_1), (False, False, True, True))
        self.assertEqual(self._flags(over_2), (False, False, True, True))
        row = self._row(over_1)
        self.assertEqual(row.amount, 400.0)
        self.assertEqual(row.planned_amount, 500.0)
        self.assertEqual(row.spent_amount, 600.0)
        self.assertEqual(row.month.isoformat(), "2027-03-01")
        self.assertFalse(self._row(receipt), "incoming movements are not monitored")
        self.assertFalse(self._row(draft), "only posted movements")
        self.assertEqual(
            self._flags(april), (False, True, False, True), "no approved plan in April"
        )
        Report = self.env["ops.fund.usage.report"].with_user(self.user_finance)
        flagged = Report.search([("flagged", "=", True), ("date", "<", "2027-04-01")])
        self.assertEqual(flagged.move_id, no_purpose | unplanned | over_1 | over_2)
        self.assertEqual(
            Report.search([("no_purpose", "=", True)]).move_id & (within | no_purpose), no_purpose
        )
        action = self._row(unplanned).action_open_move()
        self.assertEqual(action["res_id"], unplanned.id)
        # The pivot groups by purpose.
        groups = Report.read_group(
            [("date", "<", "2027-04-01")], ["amount:sum"], ["fund_purpose_id"]
        )
        totals = {g["fund_purpose_id"] and g["fund_purpose_id"][0]: g["amount"] for g in groups}
        self.assertEqual(totals[self.p_marketing.id], 600.0)

    def test_draft_or_superseded_plans_do_not_count(self):
        new = self.make_plan("2027-03-01", [("expense", self.p_rent, 1000.0)])
        rent = self.bank_entry(-200.0, "2027-03-04", self.p_rent)
        self.assertEqual(self._flags(rent), (False, True, False, True), "draft plan")
        self.approve_plan(new)
        self.assertEqual(self._flags(rent), (False, False, False, False))
        salaries = self.bank_entry(-200.0, "2027-03-05", self.p_salaries)
        self.assertEqual(self._flags(salaries), (False, True, False, True), "v1 is superseded")

    def _checks(self, payment):
        activity_type = self.env.ref("ops_finance.mail_activity_type_fund_usage")
        return payment.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    @freeze_time("2027-03-10 12:00:00")
    def test_posted_payment_without_purpose_alerts_finance(self):
        payment = self.payment(-300.0, "2027-03-10")
        checks = self._checks(payment)
        self.assertEqual(len(checks), 1)
        self.assertEqual(checks.user_id, self.user_finance)
        self.assertEqual(checks.date_deadline.isoformat(), "2027-03-10")
        self.assertTrue(
            payment.message_ids.filtered(lambda m: "has no fund purpose" in (m.body or ""))
        )
        # Posted again: still one check.
        payment.action_draft()
        payment.action_post()
        self.assertEqual(len(self._checks(payment)), 1)

    @freeze_time("2027-03-10 12:00:00")
    def test_posted_payment_outside_the_plan_alerts_finance(self):
        payment = self.payment(-300.0, "2027-03-10", self.p_rent)
        self.assertEqual(len(self._checks(payment)), 1)
        self.assertTrue(
            payment.message_ids.filtered(
                lambda m: "No approved cash plan of 2027-03" in (m.body or "")
            )
        )
        other_month = self.payment(-300.0, "2027-05-10", self.p_salaries)
        self.assertEqual(len(self._checks(other_month)), 1)

    @freeze_time("2027-03-10 12:00:00")
    def test_planned_or_incoming_payment_raises_nothing(self):
        planned = self.payment(-300.0, "2027-03-10", self.p_salaries)
        incoming = self.payment(300.0, "2027-03-10")
        for payment in planned | incoming:
            self.assertFalse(self._checks(payment))
            self.assertFalse(
                payment.message_ids.filtered(lambda m: "fund purpose" in (m.body or ""))
            )
