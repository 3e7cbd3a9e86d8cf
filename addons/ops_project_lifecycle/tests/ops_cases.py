# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples of the models of ops_project_lifecycle that take
``ops.workflow.mixin`` and the decisions whose subject may not take them,
for the suite's registry tests (``ops_org.tests.common``)."""

from odoo import fields

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample, ops_user
from odoo.addons.ops_project_lifecycle.models.ops_project_deliverable_type import (
    REQUIRED_FIELDS,
)

LEADERSHIP = "ops_org.ops_org_group_leadership"


def _complete(env, gate):
    """Every mandatory deliverable of ``gate`` filled in and complete."""
    Deliverable = env["ops.project.deliverable"]
    for dtype in gate.phase_id.deliverable_type_ids.filtered("mandatory"):
        vals = {"gate_id": gate.id, "type_id": dtype.id, "name": dtype.name}
        for fname in REQUIRED_FIELDS[dtype.kind]:
            field = Deliverable._fields[fname]
            vals[fname] = fields.Datetime.now() if field.type == "datetime" else "<p>Done.</p>"
        Deliverable.create(vals).action_done()


def _project(case, name, phase="initiation", **vals):
    """A project (led by a leader unless ``vals`` names its lead) walked up
    to ``phase`` through its gates: each submitted by the lead and every
    step approved by a reviewer who is not concerned."""
    env = case.env
    project = env["project.project"].create(
        dict({"name": name, "user_id": case.user_leader.id}, **vals)
    )
    while project.ops_phase != phase:
        gate = project.ops_current_gate_id
        _complete(env, gate)
        gate.with_user(project.user_id).action_submit()
        while gate.state != "passed":
            review = gate._ops_current_reviews()
            reviewer = (review.reviewer_ids - gate._ops_concerned_users())[:1]
            # sudo: the reviewer need not be able to read the sample's
            # project; the decision itself goes through the suite's guard.
            gate.with_user(reviewer).sudo()._ops_approve()
    return project


@ops_sample("project.project")
def project_in_initiation(case):
    return _project(case, "Sample project")


@ops_sample("ops.project.gate")
def open_gate(case):
    return _project(case, "Sample gate").ops_current_gate_id


@ops_sample("ops.project.deliverable")
def draft_deliverable(case):
    gate = _project(case, "Sample deliverable").ops_current_gate_id
    return case.env["ops.project.deliverable"].create(
        {
            "gate_id": gate.id,
            "type_id": gate.phase_id.deliverable_type_ids[:1].id,
            "name": "Initiation request",
        }
    )


@ops_sample("ops.project.change.request")
def draft_change_request(case):
    project = _project(case, "Sample change", "development")
    return case.env["ops.project.change.request"].create(
        {
            "name": "Add dark mode",
            "project_id": project.id,
            "description": "<p>Dark mode.</p>",
            "reason": "Users ask for it.",
        }
    )


def _gate_submitted_by_a_leader(case, login):
    """The initiation gate of a project led by a leader, who submitted it
    and is among its reviewers (Leadership)."""
    leader = ops_user(case.env, login, LEADERSHIP, case.company)
    project = _project(case, f"Project of {login}", user_id=leader.id)
    gate = project.ops_current_gate_id
    _complete(case.env, gate)
    gate.with_user(leader).action_submit()
    assert leader in gate.review_ids.reviewer_ids
    return gate, leader


@ops_decision_case("ops.project.gate", "validate_tier")
def gate_approved_by_its_submitter(case):
    gate, leader = _gate_submitted_by_a_leader(case, "case_gate_validate")
    return lambda: gate.with_user(leader).validate_tier()


@ops_decision_case("ops.project.gate", "reject_tier")
def gate_rejected_by_its_submitter(case):
    gate, leader = _gate_submitted_by_a_leader(case, "case_gate_reject")
    return lambda: gate.with_user(leader).reject_tier()


def _change_requested_by_the_lead(case, login):
    """A change request of the project lead, the reviewer of its first step
    but for being its requester."""
    lead = ops_user(case.env, login, "ops_org.ops_org_group_project_lead", case.company)
    project = _project(case, f"Project of {login}", "development", user_id=lead.id)
    request = (
        case.env["ops.project.change.request"]
        .with_user(lead)
        .create(
            {
                "name": "Live comments",
                "project_id": project.id,
                "description": "<p>Comments during playback.</p>",
                "reason": "Marketing feedback.",
            }
        )
    )
    request.with_user(lead).action_submit()
    return request.with_env(case.env), lead


@ops_decision_case("ops.project.change.request", "validate_tier")
def change_approved_by_its_requester(case):
    request, lead = _change_requested_by_the_lead(case, "case_change_validate")
    return lambda: request.with_user(lead).validate_tier()


@ops_decision_case("ops.project.change.request", "reject_tier")
def change_rejected_by_its_requester(case):
    request, lead = _change_requested_by_the_lead(case, "case_change_reject")
    return lambda: request.with_user(lead).reject_tier()
