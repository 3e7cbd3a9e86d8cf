# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples and decision cases of ops_coordination for the suite's registry
tests (``ops_suite/tests/test_suite_rules.py``): answering a sheet is refused
to its requester, confirming or reopening it to its owner."""

from datetime import date, timedelta

from odoo import fields

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample


def _employee(case, user, name):
    """The user's employee (the cases of one test share a transaction)."""
    return user.employee_id or case.env["hr.employee"].create({"name": name, "user_id": user.id})


def _departments(case):
    head = _employee(case, case.user_leader, "Case Head")
    receiving = case.env["hr.department"].create({"name": "Case Studio", "manager_id": head.id})
    head.department_id = receiving
    return case.department, receiving


def _sheet(case, requester=None):
    requesting, receiving = _departments(case)
    return case.env["ops.contact.sheet"].create(
        {
            "subject": "Case banner",
            "requesting_department_id": requesting.id,
            "receiving_department_id": receiving.id,
            "requested_by_id": (requester or case.user_employee).id,
            "date_requested": fields.Date.today() + timedelta(days=7),
        }
    )


@ops_sample("ops.contact.sheet")
def sheet(case):
    return _sheet(case)


def _asked_by_a_leader(case):
    """A sheet asked by a Leadership member of the requesting department:
    as Leadership they may answer any sheet, never their own."""
    _employee(case, case.user_leader_2, "Case Leader").department_id = case.department
    record = _sheet(case, requester=case.user_leader_2)
    record.action_submit()
    return record.with_user(case.user_leader_2)


@ops_decision_case("ops.contact.sheet", "action_accept")
def accept_own(case):
    record = _asked_by_a_leader(case)
    return lambda: record.action_accept(
        owner_id=case.user_leader.id, date_promised=date.today() + timedelta(days=3)
    )


@ops_decision_case("ops.contact.sheet", "action_decline")
def decline_own(case):
    record = _asked_by_a_leader(case)
    return lambda: record.action_decline(reason="Not needed")


def _done_by_its_head(case):
    """A sheet its receiving head (a leader) carried out themselves."""
    record = _sheet(case)
    record.action_submit()
    record.with_user(case.user_leader).action_accept(
        owner_id=case.user_leader.id, date_promised=date.today() + timedelta(days=3)
    )
    record.with_user(case.user_leader).action_done()
    return record.with_user(case.user_leader)


@ops_decision_case("ops.contact.sheet", "action_confirm")
def confirm_own(case):
    record = _done_by_its_head(case)
    return record.action_confirm


@ops_decision_case("ops.contact.sheet", "action_reopen")
def reopen_own(case):
    record = _done_by_its_head(case)
    return lambda: record.action_reopen(reason="Again")


@ops_decision_case("ops.contact.sheet.step", "action_apply")
def accept_own_through_the_wizard(case):
    record = _asked_by_a_leader(case)
    step = (
        case.env["ops.contact.sheet.step"]
        .with_user(case.user_leader_2)
        .create(
            {
                "sheet_id": record.id,
                "step": "accept",
                "owner_id": case.user_leader.id,
                "date_promised": date.today() + timedelta(days=3),
            }
        )
    )
    return step.action_apply
