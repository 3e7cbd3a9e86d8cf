# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registry cases of ops_org (see ``common.OPS_DECISION_CASES``)."""

from .common import ops_decision_case, ops_user


@ops_decision_case("hr.department", "field:manager_id")
def head_appointing_themselves(case):
    """An HR officer appoints themselves head of a department (they would
    join the Department Head group and read its budgets)."""
    user = ops_user(case.env, "org_case_self_head", "ops_org.ops_org_group_hr", case.company)
    employee = case.env["hr.employee"].create({"name": user.name, "user_id": user.id})
    department = case.env["hr.department"].create({"name": "Case Studio"})
    return lambda: department.with_user(user).write({"manager_id": employee.id})
