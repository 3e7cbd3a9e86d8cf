# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples and decision cases of ops_finance for the suite's registry tests
(``ops_suite/tests/test_suite_rules.py``).

Every builder takes the running ``OpsOrgCommon`` case, builds its data as
superuser in ``case.company`` and makes its own users (logins prefixed by
the builder's name). A sample is a record in the first state of its
workflow; a decision case returns the call by which the person the decision
is about, with the rights to take it otherwise, would decide their own case.
"""

import base64

from odoo import Command

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample, ops_user

EMPLOYEE = "ops_org.ops_org_group_employee"
FINANCE = "ops_org.ops_org_group_finance"
LEADERSHIP = "ops_org.ops_org_group_leadership"
EXPENSE_MANAGER = "hr_expense.group_hr_expense_manager"
CHECKLIST = ("ops_check_authentic", "ops_check_legal", "ops_check_complete")


# -- shared builders ----------------------------------------------------------


def _user(case, login, *groups):
    user = ops_user(case.env, login, ",".join(groups), case.company)
    case.env["hr.employee"].create(
        {
            "name": user.name,
            "user_id": user.id,
            "company_id": case.company.id,
            "department_id": case.department.id,
            "parent_id": case.emp_head.id,
        }
    )
    return user


def _free_year(env):
    """A budget year no budget of any company uses yet (one budget per
    company, year and version)."""
    years = env["ops.budget"].sudo().search([]).mapped("year")
    return max([2080, *years]) + 1


def _expense_account(case):
    return case.env["account.account"].search(
        [("company_ids", "in", case.company.ids), ("account_type", "=", "expense")], limit=1
    )


def _budget(case, state="draft", submitted_by=None, line=True):
    """A budget of a free year with, when ``line``, one line of 1000 for
    January in ``case.department``."""
    env = case.env
    budget = env["ops.budget"].create(
        {
            "name": "Sample Budget",
            "year": _free_year(env),
            "company_id": case.company.id,
            "state": state,
            "submitted_by_id": submitted_by.id if submitted_by else False,
        }
    )
    if line:
        part = env["ops.budget.department"].create(
            {"budget_id": budget.id, "department_id": case.department.id}
        )
        env["ops.budget.line"].create(
            {
                "department_budget_id": part.id,
                "account_id": _expense_account(case).id,
                "month": "1",
                "planned_amount": 1000.0,
            }
        )
    return budget


def _adjustment(case, user=None):
    """A draft request for +100 on the line of an approved budget, asked by
    ``user`` (default: the superuser)."""
    budget = _budget(case, state="approved")
    Adjustment = case.env["ops.budget.adjustment"]
    if user:
        Adjustment = Adjustment.with_user(user)
    adjustment = Adjustment.create(
        {
            "budget_id": budget.id,
            "department_id": case.department.id,
            "explanation": "<p>A new campaign.</p>",
            "line_ids": [Command.create({"budget_line_id": budget.line_ids.id, "amount": 100.0})],
        }
    )
    return adjustment.with_env(case.env)


def _cash_plan(case, month="2090-01-01"):
    env = case.env
    return env["ops.cash.plan"].create(
        {
            "month": month,
            "company_id": case.company.id,
            "line_ids": [
                Command.create(
                    {
                        "direction": "expense",
                        "fund_purpose_id": env.ref("ops_finance.ops_fund_purpose_salaries").id,
                        "planned_amount": 1000.0,
                    }
                )
            ],
        }
    )


def _sheet(case, user, policy=True):
    """A draft expense report of ``user`` (an employee of case.department)
    with one expense of 100 and its receipt, in a company that runs the
    approval chain or (``policy=False``) Odoo's own flow."""
    env = case.env
    case.company.ops_expense_policy = policy
    case.company.ops_expense_budget_check = "none"
    product = env["product.product"].create(
        {
            "name": "Sample taxi",
            "can_be_expensed": True,
            "standard_price": 0.0,
            "property_account_expense_id": _expense_account(case).id,
            "supplier_taxes_id": [Command.clear()],
        }
    )
    employee = user.employee_ids[:1]
    expense = env["hr.expense"].create(
        {
            "name": "Taxi to the shoot",
            "employee_id": employee.id,
            "product_id": product.id,
            "total_amount_currency": 100.0,
            "payment_mode": "own_account",
        }
    )
    env["ir.attachment"].create(
        {
            "name": "receipt.png",
            "datas": base64.b64encode(b"receipt"),
            "res_model": "hr.expense",
            "res_id": expense.id,
        }
    )
    return env["hr.expense.sheet"].create(
        {
            "name": "Sample claim",
            "employee_id": employee.id,
            "expense_line_ids": [Command.set(expense.ids)],
        }
    )


def _sheet_at_finance(case, login):
    """An expense report of a finance officer, approved by their head and
    waiting for finance: its claimant is one of finance's reviewers."""
    claimant = _user(case, login, EMPLOYEE, FINANCE)
    sheet = _sheet(case, claimant)
    sheet.with_user(claimant).action_submit_sheet()
    sheet.with_user(case.user_head)._ops_approve()
    sheet.write(dict.fromkeys(CHECKLIST, True))
    return sheet, claimant


# -- samples (first state of each workflow) -------------------------------------


@ops_sample("ops.budget")
def sample_budget(case):
    return _budget(case, line=False)


@ops_sample("ops.budget.department")
def sample_budget_department(case):
    return _budget(case).department_budget_ids


@ops_sample("ops.budget.line")
def sample_budget_line(case):
    return _budget(case).line_ids


@ops_sample("ops.budget.adjustment")
def sample_budget_adjustment(case):
    return _adjustment(case)


@ops_sample("ops.budget.adjustment.line")
def sample_budget_adjustment_line(case):
    return _adjustment(case).line_ids


@ops_sample("ops.cash.plan")
def sample_cash_plan(case):
    return _cash_plan(case)


@ops_sample("ops.funding")
def sample_funding(case):
    return case.env["ops.funding"].create(
        {
            "kind": "bank_loan",
            "partner_id": case.env["res.partner"].create({"name": "Sample Bank"}).id,
            "amount": 100000.0,
            "date": "2090-01-15",
            "interest_rate": 4.0,
            "term_months": 12,
            "company_id": case.company.id,
        }
    )


@ops_sample("ops.cost.indicator")
def sample_cost_indicator(case):
    return case.env["ops.cost.indicator"].create(
        {
            "name": "Sample cost control",
            "department_id": case.department.id,
            "company_id": case.company.id,
            "date_from": "2090-01-01",
            "date_to": "2090-03-31",
            "measure": "consumption",
            "target": 90.0,
        }
    )


@ops_sample("hr.expense.sheet")
def sample_expense_sheet(case):
    return _sheet(case, case.user_employee)


# -- decisions ------------------------------------------------------------------


def _budget_submitted_by_a_leader(case, login):
    """A budget in consolidation submitted by a finance officer who is also
    a leader: a reviewer of the leadership step, and its requester."""
    user = _user(case, login, FINANCE, LEADERSHIP)
    budget = _budget(case, state="consolidation")
    budget.with_user(user).action_submit()
    return budget, user


@ops_decision_case("ops.budget", "validate_tier")
def budget_approved_by_its_submitter(case):
    budget, user = _budget_submitted_by_a_leader(case, "budget_validate_leader")
    return lambda: budget.with_user(user).validate_tier()


@ops_decision_case("ops.budget", "reject_tier")
def budget_rejected_by_its_submitter(case):
    budget, user = _budget_submitted_by_a_leader(case, "budget_reject_leader")
    return lambda: budget.with_user(user).reject_tier()


def _adjustment_requested_by_finance(case, login):
    """A request asked and submitted by a finance officer, waiting for the
    finance review (its first step)."""
    user = _user(case, login, FINANCE)
    adjustment = _adjustment(case, user=user)
    adjustment.with_user(user).action_submit()
    return adjustment, user


@ops_decision_case("ops.budget.adjustment", "validate_tier")
def adjustment_approved_by_its_requester(case):
    adjustment, user = _adjustment_requested_by_finance(case, "adjustment_validate_fin")
    return lambda: adjustment.with_user(user).validate_tier()


@ops_decision_case("ops.budget.adjustment", "reject_tier")
def adjustment_rejected_by_its_requester(case):
    adjustment, user = _adjustment_requested_by_finance(case, "adjustment_reject_fin")
    return lambda: adjustment.with_user(user).reject_tier()


def _cash_plan_submitted_by_a_leader(case, login, month):
    user = _user(case, login, FINANCE, LEADERSHIP)
    plan = _cash_plan(case, month)
    plan.with_user(user).action_submit()
    return plan, user


@ops_decision_case("ops.cash.plan", "validate_tier")
def cash_plan_approved_by_its_submitter(case):
    plan, user = _cash_plan_submitted_by_a_leader(case, "cash_validate_leader", "2090-02-01")
    return lambda: plan.with_user(user).validate_tier()


@ops_decision_case("ops.cash.plan", "reject_tier")
def cash_plan_rejected_by_its_submitter(case):
    plan, user = _cash_plan_submitted_by_a_leader(case, "cash_reject_leader", "2090-03-01")
    return lambda: plan.with_user(user).reject_tier()


@ops_decision_case("hr.expense.sheet", "validate_tier")
def expense_finance_step_approved_by_its_claimant(case):
    sheet, claimant = _sheet_at_finance(case, "expense_validate_fin")
    return lambda: sheet.with_user(claimant).validate_tier()


@ops_decision_case("hr.expense.sheet", "reject_tier")
def expense_finance_step_rejected_by_its_claimant(case):
    sheet, claimant = _sheet_at_finance(case, "expense_reject_fin")
    return lambda: sheet.with_user(claimant).reject_tier()


def _own_checklist(case, field):
    claimant = _user(case, f"expense_{field}", EMPLOYEE, FINANCE)
    sheet = _sheet(case, claimant)
    sheet.with_user(claimant).action_submit_sheet()
    return lambda: sheet.with_user(claimant).write({field: True})


@ops_decision_case("hr.expense.sheet", "field:ops_check_authentic")
def expense_receipts_checked_by_their_claimant(case):
    return _own_checklist(case, "ops_check_authentic")


@ops_decision_case("hr.expense.sheet", "field:ops_check_legal")
def expense_lawfulness_checked_by_its_claimant(case):
    return _own_checklist(case, "ops_check_legal")


@ops_decision_case("hr.expense.sheet", "field:ops_check_complete")
def expense_completeness_checked_by_its_claimant(case):
    return _own_checklist(case, "ops_check_complete")


def _own_report_outside_the_chain(case, login):
    """A submitted report, in a company that runs Odoo's own flow, of an
    expense manager (whom Odoo lets approve and refuse any report)."""
    claimant = _user(case, login, EMPLOYEE, EXPENSE_MANAGER)
    sheet = _sheet(case, claimant, policy=False)
    sheet.with_user(claimant).action_submit_sheet()
    return sheet, claimant


@ops_decision_case("hr.expense.sheet", "action_approve_expense_sheets")
def expense_approved_by_its_claimant(case):
    sheet, claimant = _own_report_outside_the_chain(case, "expense_approve_mgr")
    return lambda: sheet.with_user(claimant).action_approve_expense_sheets()


@ops_decision_case("hr.expense.sheet", "action_refuse_expense_sheets")
def expense_refused_by_its_claimant(case):
    sheet, claimant = _own_report_outside_the_chain(case, "expense_refuse_mgr")
    return lambda: sheet.with_user(claimant).action_refuse_expense_sheets()


@ops_decision_case("ops.cost.indicator", "action_assess")
def cost_indicator_assessed_by_the_head_of_its_department(case):
    user = ops_user(case.env, "indicator_assess_fin", FINANCE, case.company)
    head = case.env["hr.employee"].create(
        {"name": user.name, "user_id": user.id, "company_id": case.company.id}
    )
    department = case.env["hr.department"].create(
        {"name": "Accounts", "manager_id": head.id, "company_id": case.company.id}
    )
    indicator = sample_cost_indicator(case)
    indicator.department_id = department
    return lambda: indicator.with_user(user).action_assess()
