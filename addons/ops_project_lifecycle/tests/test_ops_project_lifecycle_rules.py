# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15, as the users who tried it with their own rights: reviews that
cannot be forged, gates and phases that move only through their steps, no
pass without a review, nobody deciding their own case, context keys that
open nothing."""

import json

from odoo.tests import HttpCase, tagged

from .common import LifecycleCommon


@tagged("post_install", "-at_install", "ops_access")
class TestGateRules(LifecycleCommon):
    def _submit(self, project=None, user=None):
        gate = self.gate(project)
        self.complete_deliverables(gate, user)
        gate.with_user(user or self.user_lead).action_submit()
        return gate

    def test_requester_cannot_forge_their_review_nor_pass_the_gate(self):
        gate = self._submit()
        review = gate.review_ids.with_user(self.user_lead)
        self.assertRefused(review.write, {"status": "approved", "done_by": self.user_leader.id})
        self.assertRefused(gate.with_user(self.user_lead).write, {"state": "passed"})
        self.assertRefused(
            self.project.with_user(self.user_lead).write,
            {"ops_phase_id": self.phases["planning"].id},
        )
        self.assertEqual(gate.review_ids.status, "pending")
        self.assertFalse(gate.review_ids.done_by)
        self.assertEqual(gate.state, "open")
        self.assertEqual(gate.validation_status, "pending")
        self.assertEqual(self.project.ops_phase, "initiation")

    def test_phase_moves_only_with_its_gate_even_past_a_passed_gate(self):
        gate = self.pass_gate()
        # The gate passed but the project is put back where it stood before
        # the gate's step moved it: the phase is still written only by that
        # step, whoever writes it.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE project_project SET ops_phase_id = %s, ops_phase = %s, "
            "ops_current_gate_id = %s WHERE id = %s",
            [gate.phase_id.id, gate.phase, gate.id, self.project.id],
        )
        self.project.invalidate_recordset()
        self.assertEqual(self.project.ops_phase, "initiation")
        for user in (self.user_lead, self.user_leader):
            self.assertRefused(
                self.project.with_user(user).write, {"ops_phase_id": self.phases["planning"].id}
            )
        self.assertEqual(self.project.ops_phase, "initiation")

    def test_gate_phase_and_its_other_workflow_fields_are_refused(self):
        gate = self.gate()
        other = self.env["project.project"].with_user(self.user_lead).create({"name": "Podcast"})
        forged = [
            {"phase_id": self.phases["planning"].id},
            {"project_id": other.id},
            {"submitted_by_id": self.user_leader_2.id},
            {"date_submitted": "2026-01-05 10:00:00"},
            {"date_decided": "2026-01-06 10:00:00"},
            {"date_open": "2020-01-01 10:00:00"},
        ]
        for user in (self.user_lead, self.user_leader):
            for vals in forged:
                with self.subTest(user=user.login, vals=vals):
                    self.assertRefused(gate.with_user(user).write, vals)
        self.assertEqual(gate.phase, "initiation")
        self.assertEqual(gate.project_id, self.project)
        self.assertFalse(gate.submitted_by_id or gate.date_submitted or gate.date_decided)

    def test_gate_without_authority_does_not_pass(self):
        # Initiation is reviewed by Leadership only: without that step,
        # nobody may approve the gate, and it does not pass.
        self.env.ref("ops_project_lifecycle.tier_definition_gate_leadership").active = False
        gate = self.gate()
        self.complete_deliverables(gate)
        error = self.assertRefused(gate.with_user(self.user_lead).action_submit)
        self.assertIn("Authority Matrix", str(error))
        self.assertIn(gate.display_name, str(error))
        self.assertIn("Project Gate", str(error))
        self.assertEqual(gate.state, "open")
        self.assertEqual(gate.gate_status, "open")
        self.assertFalse(gate.review_ids)
        self.assertFalse(gate.submitted_by_id)
        self.assertFalse(gate.decision_ids)
        self.assertEqual(self.project.ops_phase, "initiation")

    def test_submitter_decides_no_step_of_their_gate(self):
        project = (
            self.env["project.project"]
            .with_user(self.user_leader)
            .create({"name": "Leader's app", "user_id": self.user_leader.id})
        )
        gate = self._submit(project, self.user_leader)
        self.assertEqual(gate.submitted_by_id, self.user_leader)
        self.assertIn(self.user_leader, gate.review_ids.reviewer_ids)
        self.assertRefused(gate.with_user(self.user_leader).validate_tier)
        self.assertRefused(gate.with_user(self.user_leader).reject_tier)
        self.assertRefused(gate.with_user(self.user_leader)._ops_approve)
        self.assertRefused(gate.review_ids.with_user(self.user_leader).action_ops_approve)
        self.assertEqual(gate.state, "open")
        gate.with_user(self.user_leader_2).validate_tier()
        self.assertEqual(gate.state, "passed")
        self.assertEqual(gate.review_ids.done_by, self.user_leader_2)
        self.assertEqual(project.ops_phase, "planning")

    def test_resubmitting_under_review_is_refused(self):
        # A second submission would make someone else the requester, and
        # the first one a reviewer of their own gate.
        gate = self._submit()
        self.assertRefused(gate.with_user(self.user_leader).action_submit)
        self.assertEqual(gate.submitted_by_id, self.user_lead)
        self.assertEqual(len(gate.review_ids), 1)

    def test_lead_does_not_choose_who_reviews(self):
        """The owning department decides who reviews the phase: it follows
        the phase, not the lead's choice, before or after submitting."""
        gate = self.gate()
        for vals in (
            {"owner_department_id": self.testing.id},
            {"maintainer_department_id": self.testing.id},
        ):
            error = self.assertRefused(gate.with_user(self.user_lead).write, vals)
            self.assertIn("changes only through the steps", str(error))
        gate = self._submit()
        self.assertRefused(
            gate.with_user(self.user_lead).with_context(skip_validation_check=True).write,
            {"owner_department_id": self.testing.id},
        )
        self.assertEqual(gate.owner_department_id, self.marketing)

    def test_public_request_validation_is_refused(self):
        gate = self.gate()
        self.complete_deliverables(gate)
        self.assertRefused(gate.with_user(self.user_lead).request_validation)
        self.assertFalse(gate.review_ids)

    def test_deliverable_state_moves_through_its_buttons(self):
        gate = self.gate()
        dtype = gate.phase_id.deliverable_type_ids[:1]
        Deliverable = self.env["ops.project.deliverable"].with_user(self.user_member)
        self.assertRefused(
            Deliverable.create,
            {"gate_id": gate.id, "type_id": dtype.id, "name": "Forged", "state": "done"},
        )
        deliverable = Deliverable.create(
            {"gate_id": gate.id, "type_id": dtype.id, "name": "Request"}
        )
        # Complete without its fields: refused, as by the button.
        self.assertRefused(deliverable.write, {"state": "done"})
        self.assertRefused(deliverable.action_done)
        self.assertEqual(deliverable.state, "draft")


@tagged("post_install", "-at_install", "ops_access")
class TestChangeRequestRules(LifecycleCommon):
    def _vals(self, **vals):
        return dict(
            {
                "name": "Live comments",
                "project_id": self.project.id,
                "description": "<p>Comments during playback.</p>",
                "reason": "Marketing feedback",
            },
            **vals,
        )

    def test_requester_is_the_current_user(self):
        self.walk_to("development")
        Request = self.env["ops.project.change.request"].with_user(self.user_member)
        self.assertRefused(Request.create, self._vals(requested_by_id=self.user_member_2.id))
        request = Request.create(self._vals())
        self.assertEqual(request.requested_by_id, self.user_member)
        self.assertRefused(request.write, {"requested_by_id": self.user_member_2.id})
        self.assertRefused(request.write, {"state": "approved"})
        self.assertEqual(request.requested_by_id, self.user_member)
        self.assertEqual(request.state, "draft")

    def test_requester_decides_no_step_of_their_request(self):
        self.walk_to("development")
        request = (
            self.env["ops.project.change.request"].with_user(self.user_lead).create(self._vals())
        )
        request.with_user(self.user_lead).action_submit()
        lead_step = request.review_ids.sorted("sequence")[0]
        # The lead asked: the lead's step goes up to Leadership.
        self.assertIn(self.user_leader, lead_step.reviewer_ids)
        self.assertRefused(request.with_user(self.user_lead).validate_tier)
        self.assertRefused(request.with_user(self.user_lead)._ops_approve)
        self.assertRefused(lead_step.with_user(self.user_lead).action_ops_approve)
        self.assertEqual(lead_step.status, "pending")
        request.with_user(self.user_leader)._ops_approve(reviews=lead_step)
        self.assertEqual(lead_step.done_by, self.user_leader)

    def test_cancel_is_a_step(self):
        self.walk_to("development")
        request = (
            self.env["ops.project.change.request"].with_user(self.user_member).create(self._vals())
        )
        request.with_user(self.user_member).action_cancel()
        self.assertEqual(request.state, "cancel")
        self.assertRefused(request.with_user(self.user_member).action_cancel)
        self.assertRefused(request.with_user(self.user_member).action_submit)


@tagged("post_install", "-at_install", "ops_access")
class TestGateRulesRpc(LifecycleCommon, HttpCase):
    def _call(self, model, method, args):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {"model": model, "method": method, "args": args, "kwargs": {}},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_forged_review_state_and_phase_over_json_rpc(self):
        gate = self.gate()
        self.complete_deliverables(gate)
        gate.with_user(self.user_lead).action_submit()
        self.authenticate("ops_project_lead", "ops_project_lead")
        forged = [
            (
                "tier.review",
                gate.review_ids.ids,
                {"status": "approved", "done_by": self.user_leader.id},
            ),
            ("ops.project.gate", gate.ids, {"state": "passed"}),
            ("ops.project.gate", gate.ids, {"phase_id": self.phases["planning"].id}),
            ("project.project", self.project.ids, {"ops_phase_id": self.phases["planning"].id}),
        ]
        for model, ids, vals in forged:
            with self.subTest(model=model, vals=vals):
                error = self._call(model, "write", [ids, vals]).get("error")
                self.assertTrue(error)
                self.assertIn(
                    error["data"]["name"],
                    (
                        "odoo.exceptions.AccessError",
                        "odoo.exceptions.UserError",
                        "odoo.exceptions.ValidationError",
                    ),
                )
                self.assertNotIn("Traceback", error["data"]["message"])
        self.env.invalidate_all()
        self.assertEqual(gate.review_ids.status, "pending")
        self.assertEqual(gate.state, "open")
        self.assertEqual(gate.phase, "initiation")
        self.assertEqual(self.project.ops_phase, "initiation")
