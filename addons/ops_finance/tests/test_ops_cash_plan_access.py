# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CashCommon

CASH_MODELS = (
    "ops.cash.plan",
    "ops.cash.plan.line",
    "ops.fund.purpose",
    "ops.funding",
    "ops.funding.schedule",
    "ops.fund.usage.report",
)


@tagged("post_install", "-at_install", "ops_access")
class TestCashPlanAccess(CashCommon):
    """One test per ACL row and record rule of the cash plan, the fund
    purposes and the fund-usage monitoring (funding: test_ops_funding_access)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.make_plan("2027-03-01", [("expense", cls.p_salaries, 1000.0)])
        cls.line = cls.plan.line_ids
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})
        cls.outflow = cls.bank_entry(-300.0, "2027-03-02")

    def _search(self, model, user):
        return self.env[model].with_user(user).search([])

    # -- ops.cash.plan -------------------------------------------------------

    def test_finance_manages_cash_plans(self):
        # access_ops_cash_plan_finance
        plan = (
            self.env["ops.cash.plan"]
            .with_user(self.user_finance)
            .create({"month": "2027-07-01", "note": "<p>Draft</p>"})
        )
        plan.write({"note": "<p>Balanced</p>"})
        self.assertIn(plan, self._search("ops.cash.plan", self.user_finance))
        plan.unlink()

    def test_leadership_reads_cash_plans_only(self):
        # access_ops_cash_plan_leadership
        plan = self.plan.with_user(self.user_leader)
        self.assertEqual(plan.planned_expense, 1000.0)
        self.assertIn(self.plan, self._search("ops.cash.plan", self.user_leader))
        with self.assertRaises(AccessError):
            plan.write({"note": "<p>Mine</p>"})
        with self.assertRaises(AccessError):
            self.env["ops.cash.plan"].with_user(self.user_leader).create({"month": "2027-07-01"})
        with self.assertRaises(AccessError):
            plan.unlink()

    def test_cash_plan_of_another_company_is_invisible(self):
        # ops_cash_plan_rule_company
        other = (
            self.env["ops.cash.plan"]
            .sudo()
            .create({"month": "2027-03-01", "company_id": self.other_company.id})
        )
        for user in (self.user_finance, self.user_leader):
            self.assertNotIn(other, self._search("ops.cash.plan", user))
            with self.assertRaises(AccessError):
                other.with_user(user).read(["month"])

    # -- ops.cash.plan.line --------------------------------------------------

    def test_finance_manages_cash_plan_lines(self):
        # access_ops_cash_plan_line_finance
        Line = self.env["ops.cash.plan.line"].with_user(self.user_finance)
        line = Line.create(
            {
                "plan_id": self.plan.id,
                "direction": "expense",
                "fund_purpose_id": self.p_rent.id,
                "planned_amount": 10.0,
            }
        )
        line.write({"planned_amount": 20.0})
        self.assertIn(line, self._search("ops.cash.plan.line", self.user_finance))
        line.unlink()

    def test_leadership_reads_cash_plan_lines_only(self):
        # access_ops_cash_plan_line_leadership
        line = self.line.with_user(self.user_leader)
        self.assertEqual(line.planned_amount, 1000.0)
        with self.assertRaises(AccessError):
            line.write({"planned_amount": 5.0})
        with self.assertRaises(AccessError):
            self.env["ops.cash.plan.line"].with_user(self.user_leader).create(
                {
                    "plan_id": self.plan.id,
                    "direction": "expense",
                    "fund_purpose_id": self.p_rent.id,
                }
            )
        with self.assertRaises(AccessError):
            line.unlink()

    def test_cash_plan_line_of_another_company_is_invisible(self):
        # ops_cash_plan_line_rule_company
        other = (
            self.env["ops.cash.plan"]
            .sudo()
            .create(
                {
                    "month": "2027-03-01",
                    "company_id": self.other_company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "direction": "expense",
                                "fund_purpose_id": self.p_rent.id,
                                "planned_amount": 1.0,
                            }
                        )
                    ],
                }
            )
        )
        for user in (self.user_finance, self.user_leader):
            self.assertNotIn(other.line_ids, self._search("ops.cash.plan.line", user))
            with self.assertRaises(AccessError):
                other.line_ids.with_user(user).read(["planned_amount"])

    # -- ops.fund.purpose ------------------------------------------------------

    def test_finance_manages_fund_purposes(self):
        # access_ops_fund_purpose_finance
        Purpose = self.env["ops.fund.purpose"].with_user(self.user_finance)
        purpose = Purpose.create({"name": "Equipment", "code": "OUT-EQUIP"})
        purpose.write({"name": "Equipment and software"})
        purpose.unlink()

    def test_leadership_reads_fund_purposes_only(self):
        # access_ops_fund_purpose_leadership
        self.assertIn(self.p_rent, self._search("ops.fund.purpose", self.user_leader))
        with self.assertRaises(AccessError):
            self.p_rent.with_user(self.user_leader).write({"name": "Rent"})
        with self.assertRaises(AccessError):
            self.env["ops.fund.purpose"].with_user(self.user_leader).create(
                {"name": "X", "code": "X"}
            )

    def test_accountant_picks_fund_purposes_only(self):
        # access_ops_fund_purpose_account_invoice
        billing = new_test_user(
            self.env,
            login="ops_billing",
            groups="account.group_account_invoice",
            company_id=self.env.company.id,
            company_ids=[(6, 0, self.env.company.ids)],
        )
        self.assertIn(self.p_rent, self._search("ops.fund.purpose", billing))
        with self.assertRaises(AccessError):
            self.p_rent.with_user(billing).write({"name": "Rent"})
        with self.assertRaises(AccessError):
            self._search("ops.cash.plan", billing)

    # -- ops.fund.usage.report -------------------------------------------------

    def test_finance_reads_fund_usage(self):
        # access_ops_fund_usage_report_finance
        rows = self._search("ops.fund.usage.report", self.user_finance)
        self.assertIn(self.outflow, rows.move_id)
        with self.assertRaises(AccessError):
            rows[:1].write({"amount": 1.0})

    def test_leadership_reads_fund_usage(self):
        # access_ops_fund_usage_report_leadership
        rows = self._search("ops.fund.usage.report", self.user_leader)
        self.assertIn(self.outflow, rows.move_id)
        with self.assertRaises(AccessError):
            rows[:1].unlink()

    def test_fund_usage_of_another_company_is_invisible(self):
        # ops_fund_usage_report_rule_company
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE account_move_line SET company_id = %s WHERE move_id = %s",
            [self.other_company.id, self.outflow.id],
        )
        self.env.invalidate_all()
        self.assertTrue(
            self.env["ops.fund.usage.report"].sudo().search([("move_id", "=", self.outflow.id)])
        )
        for user in (self.user_finance, self.user_leader):
            self.assertNotIn(self.outflow, self._search("ops.fund.usage.report", user).move_id)

    # -- other roles -------------------------------------------------------------

    def test_department_head_has_no_access(self):
        # no row for ops_org_group_department_head on any cash model
        for model in CASH_MODELS:
            with self.assertRaises(AccessError):
                self._search(model, self.user_head)

    def test_hr_and_employees_have_no_access(self):
        # no row for ops_org_group_hr or ops_org_group_employee on any cash model
        for user in (self.user_hr, self.user_employee):
            for model in CASH_MODELS:
                with self.assertRaises(AccessError):
                    self._search(model, user)
