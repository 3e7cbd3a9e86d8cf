# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples and decision cases of ops_confidentiality for the suite's
registry tests (``ops_suite/tests/test_suite_rules.py``). Builders run as
superuser on a running ``OpsOrgCommon`` (``case``) and build their own
users and data."""

from datetime import timedelta

from odoo import fields

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample, ops_user

# An HR officer who also holds the confidentiality officer role: they may
# record agreements, set clearances and handle violation cases — of others.
OFFICER = "ops_org.ops_org_group_hr,ops_org.ops_org_group_confidentiality"


def _today():
    return fields.Date.today()


def _officer(case, login):
    user = ops_user(case.env, login, OFFICER, case.company)
    employee = case.env["hr.employee"].create(
        {"name": login, "user_id": user.id, "company_id": case.company.id}
    )
    return user, employee


def _nda(case, employee):
    return case.env["ops.nda"].create(
        {
            "employee_id": employee.id,
            "company_id": case.company.id,
            "date_signed": _today() - timedelta(days=30),
            "date_expiry": _today() + timedelta(days=365),
        }
    )


@ops_sample("ops.nda")
def nda(case):
    _user, employee = _officer(case, "case_nda_sample")
    return _nda(case, employee)


@ops_decision_case("ops.nda", "action_terminate")
def nda_terminated_by_its_signer(case):
    user, employee = _officer(case, "case_nda_terminate")
    record = _nda(case, employee)
    return lambda: record.with_user(user).action_terminate()


@ops_decision_case("ops.nda", "field:employee_id")
def nda_recorded_by_its_signer(case):
    user, employee = _officer(case, "case_nda_create")
    return lambda: (
        case.env["ops.nda"]
        .with_user(user)
        .create({"employee_id": employee.id, "date_signed": _today()})
    )


def _nda_field_case(name, login):
    def build(case):
        user, employee = _officer(case, login)
        record = _nda(case, employee)
        values = {
            "date_signed": _today() - timedelta(days=10),
            "date_expiry": _today() + timedelta(days=3650),
            "obligations": "<p>Nothing at all.</p>",
            "attachment_id": case.env["ir.attachment"]
            .create({"name": "nda.pdf", "raw": b"%PDF-1.4 signed"})
            .id,
        }
        return lambda: record.with_user(user).write({name: values[name]})

    build.__name__ = f"nda_{name}_changed_by_its_signer"
    return build


for _name in ("date_signed", "date_expiry", "obligations", "attachment_id"):
    ops_decision_case("ops.nda", f"field:{_name}")(_nda_field_case(_name, f"case_nda_{_name}"))


@ops_decision_case("hr.employee", "field:ops_clearance")
def own_clearance_raised_to_secret(case):
    user, employee = _officer(case, "case_clearance_own")
    _nda(case, employee)
    return lambda: employee.with_user(user).write({"ops_clearance": "secret"})


@ops_sample("ops.confidentiality.inspection")
def inspection(case):
    return case.env["ops.confidentiality.inspection"].create(
        {"name": "Sample inspection", "date_planned": _today(), "company_id": case.company.id}
    )


@ops_sample("ops.ip.asset")
def ip_asset(case):
    return case.env["ops.ip.asset"].create(
        {
            "name": "Sample font",
            "ownership": "licensed",
            "kind": "font",
            "company_id": case.company.id,
        }
    )


def _violation(case, employee):
    return case.env["ops.confidentiality.violation"].create(
        {
            "employee_id": employee.id,
            "company_id": case.company.id,
            "description": "<p>Shared the unreleased trailer.</p>",
        }
    )


@ops_sample("ops.confidentiality.violation")
def violation(case):
    _user, employee = _officer(case, "case_violation_sample")
    return _violation(case, employee)


@ops_decision_case("ops.confidentiality.violation", "action_next")
def violation_case_moved_on_by_the_accused(case):
    user, employee = _officer(case, "case_violation_next")
    record = _violation(case, employee)
    return lambda: record.with_user(user).action_next()


def _violation_field_case(name, login):
    def build(case):
        user, employee = _officer(case, login)
        record = _violation(case, employee)
        values = {
            "employee_id": case.emp_employee.id,
            "description": "<p>Nothing happened.</p>",
            "investigation": "<p>Nothing found.</p>",
            "decision": "<p>Case dismissed.</p>",
            "penalty": "none",
            "penalty_note": "None.",
        }
        return lambda: record.with_user(user).write({name: values[name]})

    build.__name__ = f"violation_{name}_written_by_the_accused"
    return build


for _name in ("employee_id", "description", "investigation", "decision", "penalty", "penalty_note"):
    ops_decision_case("ops.confidentiality.violation", f"field:{_name}")(
        _violation_field_case(_name, f"case_violation_{_name}")
    )
