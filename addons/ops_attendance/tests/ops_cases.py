# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples and decision cases of ops_attendance for the suite's registry
tests (``ops_suite/tests/test_suite_rules.py``). Builders run as superuser
on a running ``OpsOrgCommon`` (``case``) and build their own users and data;
dates lie in 2031, months and leaves apart per builder."""

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample, ops_user

from ..models.ops_attendance_month import FIGURES

HR = "ops_org.ops_org_group_hr"
EMPLOYEE = "ops_org.ops_org_group_employee"


def _leave_type(case, name):
    case.company.ops_leave_policy = True
    return case.env["hr.leave.type"].create(
        {
            "name": name,
            "requires_allocation": "no",
            "leave_validation_type": "hr",
            "company_id": case.company.id,
            "ops_authority_chain": True,
        }
    )


def _person(case, login, groups=EMPLOYEE):
    """A user of ``groups`` with an employee working under ``case``'s head."""
    user = ops_user(case.env, login, groups, case.company)
    employee = case.env["hr.employee"].create(
        {
            "name": login,
            "user_id": user.id,
            "parent_id": case.emp_head.id,
            "department_id": case.department.id,
            "company_id": case.company.id,
        }
    )
    return user, employee


def _leave(case, login, days=1, groups=HR):
    """A time off of ``days`` days on the chain, requested by ``login``
    (an HR officer by default: they hold Odoo's time off rights)."""
    user, employee = _person(case, login, groups)
    return user, case.env["hr.leave"].create(
        {
            "name": "Case",
            "employee_id": employee.id,
            "holiday_status_id": _leave_type(case, f"{login} type").id,
            "request_date_from": "2031-03-03",
            "request_date_to": "2031-03-03" if days == 1 else "2031-03-04",
        }
    )


@ops_sample("hr.leave")
def leave(case):
    """A time off on the chain, refused by its department head with a
    reason: Odoo copies (``copy_data``) only time off refused or cancelled,
    and the reviews of the chain stay on it."""
    _user, record = _leave(case, "case_leave_sample", groups=EMPLOYEE)
    record.with_user(case.user_head)._ops_reject("Sample")
    return record


@ops_decision_case("hr.leave", "action_approve")
def leave_approved_by_its_employee(case):
    # Odoo lets a Time Off Officer approve their own time off; on the chain
    # nobody approves with Odoo's button while it is open.
    user, record = _leave(case, "case_leave_approve")
    return lambda: record.with_user(user).action_approve()


@ops_decision_case("hr.leave", "action_validate")
def leave_validated_by_its_employee(case):
    user, record = _leave(case, "case_leave_validate")
    return lambda: record.with_user(user).action_validate()


@ops_decision_case("hr.leave", "action_refuse")
def leave_refused_by_its_employee(case):
    user, record = _leave(case, "case_leave_refuse")
    return lambda: record.with_user(user).action_refuse()


def _leave_at_hr_step(case, login):
    """Two days requested by an HR officer, approved by the head: the HR
    step waits, and the requester is one of its reviewers."""
    user, record = _leave(case, login, days=2)
    record.with_user(case.user_head)._ops_approve()
    return user, record


@ops_decision_case("hr.leave", "validate_tier")
def leave_hr_step_approved_by_its_employee(case):
    user, record = _leave_at_hr_step(case, "case_leave_tier_ok")
    return lambda: record.with_user(user).validate_tier()


@ops_decision_case("hr.leave", "reject_tier")
def leave_hr_step_rejected_by_its_employee(case):
    user, record = _leave_at_hr_step(case, "case_leave_tier_ko")
    return lambda: record.with_user(user).reject_tier()


# -- months, lines, disputes -------------------------------------------------


def _month(case, date_from, publish=False):
    month = case.env["ops.attendance.month"].create(
        {"date_from": date_from, "company_id": case.company.id}
    )
    if publish:
        month.action_compute()
        month.action_publish()
    return month


@ops_sample("ops.attendance.month")
def attendance_month(case):
    return _month(case, "2031-01-01")


def _hr_line(case, login, date_from):
    """An HR officer's own line of a published month."""
    user, employee = _person(case, login, HR)
    month = _month(case, date_from, publish=True)
    return user, month.line_ids.filtered(lambda line: line.employee_id == employee)


@ops_sample("ops.attendance.dispute")
def attendance_dispute(case):
    _user, line = _hr_line(case, "case_dispute_sample", "2031-02-01")
    return case.env["ops.attendance.dispute"].create({"line_id": line.id, "reason": "Sample"})


def _own_dispute(case, login, date_from):
    user, line = _hr_line(case, login, date_from)
    dispute = (
        case.env["ops.attendance.dispute"]
        .with_user(user)
        .create({"line_id": line.id, "reason": "I was at the client."})
    )
    dispute.with_env(case.env).resolution = "Written by another officer."
    return user, dispute


@ops_decision_case("ops.attendance.dispute", "action_accept")
def dispute_accepted_by_the_disputing_hr_officer(case):
    user, dispute = _own_dispute(case, "case_dispute_accept", "2031-03-01")
    return lambda: dispute.with_user(user).action_accept()


@ops_decision_case("ops.attendance.dispute", "action_reject")
def dispute_rejected_by_the_disputing_hr_officer(case):
    user, dispute = _own_dispute(case, "case_dispute_reject", "2031-04-01")
    return lambda: dispute.with_user(user).action_reject()


@ops_decision_case("ops.attendance.dispute", "field:resolution")
def dispute_resolution_written_by_the_disputing_hr_officer(case):
    user, dispute = _own_dispute(case, "case_dispute_resolution", "2031-05-01")
    return lambda: dispute.with_user(user).write({"resolution": "Upheld by myself."})


def _own_line(case):
    """One HR officer's own line, shared by the line cases of a test."""
    if getattr(case, "_ops_attendance_own_line", None) is None:
        case._ops_attendance_own_line = _hr_line(case, "case_line_owner", "2031-06-01")
    return case._ops_attendance_own_line


def _line_case(name):
    def build(case):
        user, line = _own_line(case)
        if name == "employee_id":
            # Someone without a line in that month.
            value = case.env["hr.employee"].create({"name": "case_line_other"}).id
        elif name == "note":
            value = "Excused by myself."
        else:
            value = line[name] + 1
        return lambda: line.with_user(user).write({name: value})

    build.__name__ = f"line_{name}_corrected_by_its_hr_officer"
    return build


for _name in (*FIGURES, "note", "employee_id"):
    ops_decision_case("ops.attendance.month.line", f"field:{_name}")(_line_case(_name))
