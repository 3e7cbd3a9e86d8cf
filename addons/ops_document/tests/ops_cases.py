# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples of the models of ops_document that take ``ops.workflow.mixin``
and the decisions whose subject may not take them, for the suite's
registry tests (``ops_org.tests.common``)."""

import base64

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample, ops_user

ADMINISTRATION = "ops_org.ops_org_group_administration"
LEADERSHIP = "ops_org.ops_org_group_leadership"


def _document(case, name="Sample regulation", user=None, **vals):
    """A draft document of the case's department with a first version,
    drafted by ``user`` (default: the superuser)."""
    env = case.env(user=user) if user else case.env
    document = env["ops.document"].create(
        dict({"name": name, "kind": "notice", "department_id": case.department.id}, **vals)
    )
    env["ops.document.version"].create(
        {
            "document_id": document.id,
            "file": base64.b64encode(b"Sample text."),
            "file_name": "sample.txt",
        }
    )
    return document.with_env(case.env)


@ops_sample("ops.document")
def draft_document(case):
    return _document(case)


@ops_sample("ops.document.version")
def draft_version(case):
    return _document(case, "Sample version").version_ids


@ops_sample("ops.document.acknowledgement")
def pending_acknowledgement(case):
    version = _document(case, "Sample acknowledgement").version_ids
    return case.env["ops.document.acknowledgement"].create(
        {
            "document_id": version.document_id.id,
            "version_id": version.id,
            "user_id": case.user_employee.id,
        }
    )


@ops_sample("ops.document.destruction")
def draft_destruction(case):
    document = _document(case, "Sample destruction")
    return case.env["ops.document.destruction"].create(
        {"document_id": document.id, "reason": "Retention period over."}
    )


def _document_of_an_officer(case, login):
    """A notice drafted and sent to review by an administration officer,
    approved by the head of its department: the administration step now
    waits, and the officer is among its reviewers."""
    officer = ops_user(case.env, login, ADMINISTRATION, case.company)
    case.env["hr.employee"].create(
        {"name": login, "user_id": officer.id, "department_id": case.department.id}
    )
    document = _document(case, f"Notice of {login}", user=officer)
    document.with_user(officer).action_submit()
    document.with_user(case.user_head)._ops_approve()
    assert officer in document._ops_current_reviews().reviewer_ids
    return document, officer


@ops_decision_case("ops.document", "validate_tier")
def document_approved_by_its_author(case):
    document, officer = _document_of_an_officer(case, "case_doc_validate")
    return lambda: document.with_user(officer).validate_tier()


@ops_decision_case("ops.document", "reject_tier")
def document_rejected_by_its_author(case):
    document, officer = _document_of_an_officer(case, "case_doc_reject")
    return lambda: document.with_user(officer).reject_tier()


def _destruction_of_a_leader(case, login):
    """A destruction request of an administration officer who is also a
    leader, among the reviewers of its only step."""
    requester = ops_user(case.env, login, f"{ADMINISTRATION},{LEADERSHIP}", case.company)
    document = _document(case, f"Old notice of {login}")
    document._ops_workflow_write({"state": "published"})
    request = (
        case.env["ops.document.destruction"]
        .with_user(requester)
        .create({"document_id": document.id, "reason": "Obsolete."})
    )
    request.with_user(requester).action_submit()
    assert requester in request.review_ids.reviewer_ids
    return request.with_env(case.env), requester


@ops_decision_case("ops.document.destruction", "validate_tier")
def destruction_approved_by_its_requester(case):
    request, requester = _destruction_of_a_leader(case, "case_destruction_validate")
    return lambda: request.with_user(requester).validate_tier()


@ops_decision_case("ops.document.destruction", "reject_tier")
def destruction_rejected_by_its_requester(case):
    request, requester = _destruction_of_a_leader(case, "case_destruction_reject")
    return lambda: request.with_user(requester).reject_tier()
