# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_user


class BudgetCommon(AccountTestInvoicingCommon):
    """A company with a chart of accounts; the Studio department headed by
    ``user_head`` and the Sales department headed by ``user_other_head``;
    finance, leadership and a plain employee; the 2027 budget with the
    departments' drafts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        company = cls.env.company
        emp = "ops_org.ops_org_group_employee"
        cls.user_head = ops_user(cls.env, "ops_head", emp, company)
        cls.user_other_head = ops_user(cls.env, "ops_other_head", emp, company)
        cls.user_finance = ops_user(
            cls.env, "ops_finance", "ops_org.ops_org_group_finance", company
        )
        cls.user_leader = ops_user(
            cls.env, "ops_leader", "ops_org.ops_org_group_leadership", company
        )
        cls.user_employee = ops_user(cls.env, "ops_employee", emp, company)
        Employee = cls.env["hr.employee"].with_company(company)
        Department = cls.env["hr.department"].with_company(company)
        head = Employee.create({"name": "Head", "user_id": cls.user_head.id})
        other_head = Employee.create({"name": "Other head", "user_id": cls.user_other_head.id})
        cls.department = Department.create(
            {"name": "Studio", "manager_id": head.id, "company_id": company.id}
        )
        cls.other_department = Department.create(
            {"name": "Sales", "manager_id": other_head.id, "company_id": company.id}
        )
        Employee.create(
            {
                "name": "Employee",
                "user_id": cls.user_employee.id,
                "department_id": cls.department.id,
            }
        )
        cls.account = cls.company_data["default_account_expense"]
        cls.budget = (
            cls.env["ops.budget"]
            .with_user(cls.user_finance)
            .create({"name": "Budget 2027", "year": 2027})
        )
        cls.budget.action_open_departments()
        cls.part = cls.budget.department_budget_ids.filtered(
            lambda p: p.department_id == cls.department
        )
        cls.other_part = cls.budget.department_budget_ids.filtered(
            lambda p: p.department_id == cls.other_department
        )
        cls.cost_centre = cls.department.ops_analytic_account_id

    @classmethod
    def add_line(cls, part, month="1", amount=1000.0, user=None):
        return (
            cls.env["ops.budget.line"]
            .with_user(user or cls.user_head)
            .create(
                {
                    "department_budget_id": part.id,
                    "account_id": cls.account.id,
                    "month": month,
                    "planned_amount": amount,
                }
            )
        )

    @classmethod
    def approve_budget(cls, budget=None):
        budget = budget or cls.budget
        if budget.state == "draft":
            budget.with_user(cls.user_finance).action_consolidate()
        budget.with_user(cls.user_finance).action_submit()
        budget.with_user(cls.user_leader)._ops_approve()
        return budget

    @classmethod
    def post_item(cls, amount, day, analytic=None, state="posted"):
        """A journal entry booking ``amount`` on the expense account and the
        cost centre (or ``analytic``) on ``day``."""
        analytic = analytic or cls.department.ops_analytic_account_id
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "date": day,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Spend",
                            "account_id": cls.account.id,
                            "debit": amount,
                            "analytic_distribution": {str(analytic.id): 100},
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "Spend",
                            "account_id": cls.company_data["default_account_payable"].id,
                            "credit": amount,
                            "partner_id": cls.partner_a.id,
                        },
                    ),
                ],
            }
        )
        if state == "posted":
            move.action_post()
        return move


class CashCommon(AccountTestInvoicingCommon):
    """A company with a chart of accounts, its bank and cash journals (the
    bank's payment methods book straight on the bank account), one user per
    role, and helpers to book bank movements and plan a month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        company = cls.env.company
        cls.user_finance = ops_user(
            cls.env, "ops_finance", "ops_org.ops_org_group_finance", company
        )
        cls.user_leader = ops_user(
            cls.env, "ops_leader", "ops_org.ops_org_group_leadership", company
        )
        cls.user_head = ops_user(
            cls.env, "ops_head", "ops_org.ops_org_group_department_head", company
        )
        cls.user_hr = ops_user(cls.env, "ops_hr", "ops_org.ops_org_group_hr", company)
        cls.user_employee = ops_user(
            cls.env, "ops_employee", "ops_org.ops_org_group_employee", company
        )
        cls.bank = cls.company_data["default_journal_bank"]
        cls.cash = cls.company_data["default_journal_cash"]
        cls.bank_account = cls.bank.default_account_id
        cls.counterpart = cls.company_data["default_account_revenue"]
        (
            cls.bank.inbound_payment_method_line_ids | cls.bank.outbound_payment_method_line_ids
        ).payment_account_id = cls.bank_account

        def purpose(name):
            return cls.env.ref(f"ops_finance.ops_fund_purpose_{name}")

        cls.p_receipts = purpose("customer_receipts")
        cls.p_salaries = purpose("salaries")
        cls.p_rent = purpose("rent_office")
        cls.p_marketing = purpose("marketing")
        cls.p_debt = purpose("loan_repayment")
        cls.p_loan = purpose("loan_proceeds")

    @classmethod
    def bank_entry(cls, amount, day, purpose=None, journal=None, post=True):
        """A journal entry moving ``amount`` on the liquidity account of
        ``journal`` (the bank): positive in, negative out."""
        journal = journal or cls.bank
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": day,
                "ops_fund_purpose_id": purpose.id if purpose else False,
                "line_ids": [
                    Command.create(
                        {
                            "name": "Movement",
                            "account_id": journal.default_account_id.id,
                            "debit": max(amount, 0.0),
                            "credit": max(-amount, 0.0),
                        }
                    ),
                    Command.create(
                        {
                            "name": "Movement",
                            "account_id": cls.counterpart.id,
                            "debit": max(-amount, 0.0),
                            "credit": max(amount, 0.0),
                        }
                    ),
                ],
            }
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def payment(cls, amount, day, purpose=None, post=True):
        """A payment on the bank journal: positive received, negative paid."""
        payment = cls.env["account.payment"].create(
            {
                "payment_type": "inbound" if amount > 0 else "outbound",
                "partner_type": "customer" if amount > 0 else "supplier",
                "partner_id": cls.partner_a.id,
                "amount": abs(amount),
                "date": day,
                "journal_id": cls.bank.id,
                "ops_fund_purpose_id": purpose.id if purpose else False,
            }
        )
        if post:
            payment.action_post()
        return payment

    @classmethod
    def make_plan(cls, month, lines, user=None):
        """A draft cash plan of ``month`` with (direction, purpose, amount)
        lines, created by finance."""
        return (
            cls.env["ops.cash.plan"]
            .with_user(user or cls.user_finance)
            .create(
                {
                    "month": month,
                    "line_ids": [
                        Command.create(
                            {
                                "direction": direction,
                                "fund_purpose_id": purpose.id,
                                "planned_amount": amount,
                            }
                        )
                        for direction, purpose, amount in lines
                    ],
                }
            )
        )

    @classmethod
    def approve_plan(cls, plan):
        plan.with_user(cls.user_finance).action_submit()
        plan.with_user(cls.user_leader)._ops_approve()
        return plan
