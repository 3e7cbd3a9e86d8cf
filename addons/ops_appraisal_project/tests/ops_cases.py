# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The decisions ops_appraisal_project adds (the project award and each
member's share of it), refused to the team members they are about, for the
suite's registry tests (``ops_org.tests.common``)."""

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_user

EMPLOYEE = "ops_org.ops_org_group_employee"


def _project_with(case, prefix, lead, members):
    """A project led by ``lead`` whose team is ``members``, built as superuser."""
    project = case.env["project.project"].create({"name": f"{prefix} project", "user_id": lead.id})
    case.env["ops.project.member"].create(
        [{"project_id": project.id, "user_id": user.id} for user in members]
    )
    return project


@ops_decision_case("project.project", "field:ops_award_amount")
def hr_on_the_team_sets_the_award(case):
    lead = ops_user(case.env, "case_award_lead", "ops_org.ops_org_group_project_lead", case.company)
    hr = ops_user(case.env, "case_award_hr", "ops_org.ops_org_group_hr", case.company)
    colleague = ops_user(case.env, "case_award_colleague", EMPLOYEE, case.company)
    project = _project_with(case, "case_award", lead, hr | colleague)
    return lambda: project.with_user(hr).write({"ops_award_amount": 50000.0})


@ops_decision_case("ops.project.member", "field:award_share")
def lead_on_the_team_sets_their_own_share(case):
    lead = ops_user(case.env, "case_share_lead", "ops_org.ops_org_group_project_lead", case.company)
    colleague = ops_user(case.env, "case_share_colleague", EMPLOYEE, case.company)
    project = _project_with(case, "case_share", lead, lead | colleague)
    own = project.ops_member_ids.filtered(lambda m: m.user_id == lead).with_user(lead)
    return lambda: own.write({"award_share": 100.0})
