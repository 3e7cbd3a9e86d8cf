# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CashCommon


@tagged("post_install", "-at_install", "ops_access")
class TestFundingAccess(CashCommon):
    """One test per ACL row and record rule of the funding records and
    their schedules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bank_partner = cls.env["res.partner"].create({"name": "ICBC Chaoyang"})
        cls.funding = (
            cls.env["ops.funding"]
            .with_user(cls.user_finance)
            .create(
                {
                    "partner_id": cls.bank_partner.id,
                    "amount": 1000.0,
                    "date": "2027-01-15",
                    "schedule_ids": [
                        Command.create({"date": "2027-02-15", "kind": "interest", "amount": 5.0})
                    ],
                }
            )
        )
        cls.item = cls.funding.schedule_ids
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})
        cls.other_funding = (
            cls.env["ops.funding"]
            .sudo()
            .create(
                {
                    "partner_id": cls.bank_partner.id,
                    "amount": 1000.0,
                    "date": "2027-01-15",
                    "company_id": cls.other_company.id,
                    "currency_id": cls.other_company.currency_id.id,
                    "schedule_ids": [
                        Command.create({"date": "2027-02-15", "kind": "interest", "amount": 5.0})
                    ],
                }
            )
        )

    def _search(self, model, user):
        return self.env[model].with_user(user).search([])

    def test_finance_manages_funding_records(self):
        # access_ops_funding_finance
        Funding = self.env["ops.funding"].with_user(self.user_finance)
        funding = Funding.create(
            {"partner_id": self.bank_partner.id, "amount": 10.0, "kind": "equity"}
        )
        funding.write({"purpose": "Studio expansion"})
        self.assertIn(funding, self._search("ops.funding", self.user_finance))
        funding.unlink()

    def test_leadership_reads_funding_records_only(self):
        # access_ops_funding_leadership
        funding = self.funding.with_user(self.user_leader)
        self.assertEqual(funding.amount, 1000.0)
        with self.assertRaises(AccessError):
            funding.write({"purpose": "Mine"})
        with self.assertRaises(AccessError):
            self.env["ops.funding"].with_user(self.user_leader).create(
                {"partner_id": self.bank_partner.id, "amount": 10.0}
            )
        with self.assertRaises(AccessError):
            funding.unlink()

    def test_funding_of_another_company_is_invisible(self):
        # ops_funding_rule_company
        for user in (self.user_finance, self.user_leader):
            self.assertNotIn(self.other_funding, self._search("ops.funding", user))
            with self.assertRaises(AccessError):
                self.other_funding.with_user(user).read(["amount"])

    def test_finance_manages_schedules(self):
        # access_ops_funding_schedule_finance
        Schedule = self.env["ops.funding.schedule"].with_user(self.user_finance)
        item = Schedule.create(
            {
                "funding_id": self.funding.id,
                "date": "2027-03-15",
                "kind": "repayment",
                "amount": 1000.0,
            }
        )
        item.write({"done": True})
        self.assertIn(item, self._search("ops.funding.schedule", self.user_finance))
        item.unlink()

    def test_leadership_reads_schedules_only(self):
        # access_ops_funding_schedule_leadership
        item = self.item.with_user(self.user_leader)
        self.assertEqual(item.amount, 5.0)
        with self.assertRaises(AccessError):
            item.write({"done": True})
        with self.assertRaises(AccessError):
            self.env["ops.funding.schedule"].with_user(self.user_leader).create(
                {"funding_id": self.funding.id, "date": "2027-03-15", "amount": 1.0}
            )
        with self.assertRaises(AccessError):
            item.unlink()

    def test_schedule_of_another_company_is_invisible(self):
        # ops_funding_schedule_rule_company
        for user in (self.user_finance, self.user_leader):
            self.assertNotIn(
                self.other_funding.schedule_ids, self._search("ops.funding.schedule", user)
            )
            with self.assertRaises(AccessError):
                self.other_funding.schedule_ids.with_user(user).read(["amount"])

    def test_department_head_hr_and_employee_have_no_access(self):
        # no row for ops_org_group_department_head, _hr or _employee on funding models
        for user in (self.user_head, self.user_hr, self.user_employee):
            for model in ("ops.funding", "ops.funding.schedule"):
                with self.assertRaises(AccessError):
                    self._search(model, user)
