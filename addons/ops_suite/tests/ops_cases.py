# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registry cases of the approval entry points of ops_org that work on any
suite document (My Approvals, the approval activity, the reject wizard),
tried on a budget adjustment whose requester is a finance officer: the
first step's reviewers include them, and they may not decide it."""

from odoo.addons.ops_finance.tests import ops_cases as finance_cases
from odoo.addons.ops_org.tests.common import ops_decision_case


def _own_adjustment(case, login):
    adjustment, user = finance_cases._adjustment_requested_by_finance(case, login)
    review = adjustment.review_ids.filtered(lambda r: user in r.reviewer_ids)[:1]
    case.assertTrue(review, "the requester is among the finance step's reviewers")
    return adjustment, user, review


@ops_decision_case("tier.review", "action_ops_approve")
def review_approved_from_my_approvals_by_its_requester(case):
    _adjustment, user, review = _own_adjustment(case, "suite_case_review_approve")
    return lambda: review.with_user(user).action_ops_approve()


@ops_decision_case("tier.review", "action_ops_reject")
def review_rejected_from_my_approvals_by_its_requester(case):
    _adjustment, user, review = _own_adjustment(case, "suite_case_review_reject")
    return lambda: review.with_user(user).action_ops_reject()


@ops_decision_case("ops.approval.reject", "action_reject")
def review_rejected_with_the_wizard_by_its_requester(case):
    _adjustment, user, review = _own_adjustment(case, "suite_case_wizard_reject")
    wizard = (
        case.env["ops.approval.reject"]
        .with_user(user)
        .create({"review_id": review.id, "reason": "Mine."})
    )
    return lambda: wizard.action_reject()


def _activity_of_their_own_step(case, login):
    """The requester takes the approval activity of their own step (given
    to the other finance reviewers, never to them) and decides from it."""
    adjustment, user, review = _own_adjustment(case, login)
    activity = review.ops_activity_ids[:1]
    case.assertTrue(activity, "the other finance reviewers have the activity")
    case.assertNotIn(user, review.ops_activity_ids.user_id)
    return activity, user


@ops_decision_case("mail.activity", "action_ops_approve")
def activity_approved_by_the_requester(case):
    activity, user = _activity_of_their_own_step(case, "suite_case_activity_approve")
    return lambda: activity.with_user(user).action_ops_approve()


@ops_decision_case("mail.activity", "action_ops_reject")
def activity_rejected_by_the_requester(case):
    activity, user = _activity_of_their_own_step(case, "suite_case_activity_reject")
    return lambda: activity.with_user(user).action_ops_reject()
