# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.tests import tagged

from .common import BudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetYearEndCall(BudgetCommon):
    """Policy §六(一)1 (每年年底): from the company's call date (15 November
    here) next year's budget opens once, each head gets an activity to draft
    their part within the drafting days (30) and is reminded (5 days
    before) while it is still a draft. Each daily job runs twice."""

    def setUp(self):
        super().setUp()
        self.company = self.env.company
        self.company.write(
            {
                "ops_budget_call_month": 11,
                "ops_budget_call_day": 15,
                "ops_budget_draft_days": 30,
                "ops_budget_reminder_days": 5,
            }
        )
        # As the scheduler runs the jobs (superuser); the test's environment is
        # a user of the accounting tests.
        self.Budget = self.env["ops.budget"].sudo()

    def _open(self, day):
        with freeze_time(day):
            for _ in range(2):
                self.Budget._cron_open_next_year()
        return self.Budget.search([("company_id", "=", self.company.id), ("year", "=", 2028)])

    def _remind(self, day):
        with freeze_time(day):
            for _ in range(2):
                self.env["ops.budget.department"].sudo()._cron_remind_drafting()

    def _part(self, budget, department):
        return budget.department_budget_ids.filtered(lambda p: p.department_id == department)

    def test_opens_once_from_the_call_date(self):
        self.assertFalse(self._open("2027-11-14"))
        budget = self._open("2027-11-15")
        self.assertEqual(len(budget), 1)
        self.assertEqual(budget.state, "draft")
        part = self._part(budget, self.department)
        self.assertEqual(str(part.date_deadline), "2027-12-15")
        activity = part.activity_ids.filtered(lambda a: a.user_id == self.user_head)
        self.assertEqual(len(activity), 1)
        self.assertEqual(str(activity.date_deadline), "2027-12-15")
        other = self._part(budget, self.other_department)
        self.assertEqual(other.activity_ids.user_id, self.user_other_head)
        told = budget.message_ids.filtered(lambda m: self.user_finance.partner_id in m.partner_ids)
        self.assertEqual(len(told), 1)
        # Later in the year, and in January, nothing more opens.
        self.assertEqual(self._open("2027-12-20"), budget)
        with freeze_time("2028-01-05"):
            self.Budget._cron_open_next_year()
        self.assertFalse(
            self.Budget.search([("company_id", "=", self.company.id), ("year", "=", 2029)])
        )

    def test_a_budget_finance_opened_already_is_left_alone(self):
        made = self.Budget.with_user(self.user_finance).create({"name": "Plan 2028", "year": 2028})
        self.assertEqual(self._open("2027-11-20"), made)
        self.assertFalse(made.department_budget_ids)

    def test_heads_still_drafting_are_reminded_once(self):
        budget = self._open("2027-11-15")
        part = self._part(budget, self.department)
        other = self._part(budget, self.other_department)
        self.add_line(other, user=self.user_other_head)
        other.with_user(self.user_other_head).action_submit()

        def reminders(record, user):
            return record.message_ids.filtered(
                lambda m: user.partner_id in m.partner_ids and "Reminder" in (m.body or "")
            )

        self._remind("2027-12-09")
        self.assertFalse(part.reminder_date)
        self._remind("2027-12-10")
        self.assertEqual(str(part.reminder_date), "2027-12-10")
        self.assertEqual(len(reminders(part, self.user_head)), 1)
        self.assertFalse(reminders(other, self.user_other_head))
        self._remind("2027-12-14")
        self.assertEqual(len(reminders(part, self.user_head)), 1)

    def test_deadline_and_reminder_are_the_jobs(self):
        budget = self._open("2027-11-15")
        part = self._part(budget, self.department).with_user(self.user_head)
        for vals in ({"date_deadline": "2028-02-01"}, {"reminder_date": "2027-11-16"}):
            with self.subTest(vals=vals), self.assertRaises(Exception):  # noqa: B017
                with self.env.cr.savepoint():
                    part.write(vals)
