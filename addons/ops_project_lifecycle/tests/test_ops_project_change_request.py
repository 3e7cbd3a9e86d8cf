# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import LifecycleCommon


@tagged("post_install", "-at_install")
class TestChangeRequest(LifecycleCommon):
    def _request(self):
        return (
            self.env["ops.project.change.request"]
            .with_user(self.user_member)
            .create(
                {
                    "name": "Add live comments",
                    "project_id": self.project.id,
                    "description": "<p>Viewers comment during playback.</p>",
                    "reason": "Marketing feedback",
                    "impact_schedule_days": 5,
                }
            )
        )

    def test_change_requests_only_during_development(self):
        with self.assertRaisesRegex(ValidationError, "during development"):
            self._request()

    def test_change_request_approved_by_lead_then_leadership(self):
        self.walk_to("development")
        request = self._request()
        request.with_user(self.user_member).action_submit()
        lead_review, leadership_review = request.review_ids.sorted("sequence")
        self.assertEqual(lead_review.reviewer_ids, self.user_lead)
        self.assertEqual(leadership_review.reviewer_ids, self.user_leader | self.user_leader_2)
        request.with_user(self.user_lead)._ops_approve()
        self.assertEqual(request.state, "draft")
        request.with_user(self.user_leader)._ops_approve()
        self.assertEqual(request.state, "approved")

    def test_rejected_change_request(self):
        self.walk_to("development")
        request = self._request()
        request.with_user(self.user_member).action_submit()
        request.with_user(self.user_lead)._ops_reject("Out of scope for 2.0")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.validation_status, "rejected")
