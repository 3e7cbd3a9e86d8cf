# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import LifecycleCommon


@tagged("post_install", "-at_install")
class TestProjectGate(LifecycleCommon):
    def test_new_project_starts_in_initiation_with_an_open_gate(self):
        self.assertEqual(self.project.ops_phase, "initiation")
        gate = self.gate()
        self.assertEqual(gate.phase, "initiation")
        self.assertEqual(gate.gate_status, "open")
        self.assertEqual(gate.owner_department_id, self.marketing)
        self.assertEqual(gate.deadline, gate.date_open.date() + timedelta(days=5))

    def test_submit_without_mandatory_deliverable_names_it(self):
        gate = self.gate()
        with self.assertRaisesRegex(UserError, "Initiation Request Form"):
            gate.with_user(self.user_lead).action_submit()
        self.assertFalse(gate.review_ids)
        self.assertFalse(gate.submitted_by_id)

    def test_deliverable_needs_the_fields_of_its_kind(self):
        gate = self.gate()
        dtype = self.env.ref(
            "ops_project_lifecycle.ops_project_deliverable_type_initiation_request"
        )
        with Form(self.env["ops.project.deliverable"].with_user(self.user_member)) as form:
            form.gate_id = gate
            form.type_id = dtype
            form.name = "Request"
            form.background = "<p>Short video is growing.</p>"
        deliverable = form.record
        with self.assertRaisesRegex(UserError, "Objectives, Requirements"):
            deliverable.action_done()
        self.assertEqual(deliverable.state, "draft")

    def test_deliverable_type_must_belong_to_the_gate_phase(self):
        with self.assertRaises(ValidationError):
            self.env["ops.project.deliverable"].create(
                {
                    "gate_id": self.gate().id,
                    "type_id": self.env.ref(
                        "ops_project_lifecycle.ops_project_deliverable_type_plan"
                    ).id,
                    "name": "Plan too early",
                }
            )

    def test_initiation_passes_through_leadership(self):
        gate = self.gate()
        self.complete_deliverables(gate)
        gate.with_user(self.user_lead).action_submit()
        self.assertEqual(gate.gate_status, "review")
        self.assertEqual(gate.review_ids.reviewer_ids, self.user_leader | self.user_leader_2)
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", gate._name),
                ("res_id", "=", gate.id),
                ("user_id", "=", self.user_leader.id),
            ]
        )
        self.assertTrue(activity.ops_tier_review_id)
        activity.with_user(self.user_leader).action_ops_approve()
        self.assertEqual(gate.state, "passed")
        self.assertEqual(self.project.ops_phase, "planning")
        planning_gate = self.gate()
        self.assertEqual(planning_gate.owner_department_id, self.planning)
        self.assertEqual(planning_gate.gate_status, "open")
        decisions = gate.decision_ids.sorted("id")
        self.assertEqual(decisions.mapped("decision"), ["submitted", "approved"])
        self.assertEqual(decisions[1].user_id, self.user_leader)
        self.assertIn("Initiation Request Form", decisions[1].deliverable_snapshot)
        self.assertGreaterEqual(gate.lead_time_days, 0.0)

    def test_rejected_gate_returns_with_comments_and_can_be_resubmitted(self):
        gate = self.gate()
        self.complete_deliverables(gate)
        gate.with_user(self.user_lead).action_submit()
        gate.with_user(self.user_leader)._ops_reject("Market size is not shown.")
        self.assertEqual(gate.gate_status, "rejected")
        self.assertEqual(self.project.ops_phase, "initiation")
        rejected = gate.decision_ids.filtered(lambda d: d.decision == "rejected")
        self.assertEqual(rejected.comment, "Market size is not shown.")
        self.assertTrue(gate.message_ids.filtered(lambda m: "Market size is not shown." in m.body))
        deliverable = gate.deliverable_ids
        deliverable.with_user(self.user_member).action_draft()
        deliverable.with_user(self.user_member).write({"background": "<p>Market: 1bn.</p>"})
        deliverable.with_user(self.user_member).action_done()
        gate.with_user(self.user_lead).action_submit()
        self.assertEqual(gate.gate_status, "review")
        self.approve_all(gate)
        self.assertEqual(self.project.ops_phase, "planning")
        self.assertEqual(
            gate.decision_ids.sorted("id").mapped("decision"),
            ["submitted", "rejected", "submitted", "approved"],
        )

    def test_planning_is_reviewed_by_the_project_group_then_the_planning_head(self):
        self.walk_to("planning")
        gate = self.gate()
        self.complete_deliverables(gate)
        gate.with_user(self.user_lead).action_submit()
        group_review, head_review = gate.review_ids.sorted("sequence")
        self.assertEqual(
            group_review.reviewer_ids, self.user_lead | self.user_member | self.user_member_2
        )
        self.assertEqual(head_review.reviewer_ids, self.user_head)
        with self.assertRaises(UserError):
            gate.with_user(self.user_lead)._ops_approve()  # the submitter
        with self.assertRaises(UserError):
            gate.with_user(self.user_head)._ops_approve()  # not yet their turn
        gate.with_user(self.user_member)._ops_approve()
        self.assertEqual(gate.state, "open")
        gate.with_user(self.user_head)._ops_approve()
        self.assertEqual(gate.state, "passed")
        self.assertEqual(self.project.ops_phase, "design")

    def test_only_the_lead_or_leadership_submits(self):
        gate = self.gate()
        self.complete_deliverables(gate)
        with self.assertRaisesRegex(UserError, "Only the project lead"):
            gate.with_user(self.user_member).action_submit()
        self.assertFalse(gate.review_ids)

    def test_deliverables_are_frozen_under_review(self):
        gate = self.gate()
        self.complete_deliverables(gate)
        gate.with_user(self.user_lead).action_submit()
        with self.assertRaisesRegex(UserError, "frozen"):
            gate.deliverable_ids.with_user(self.user_member).write({"name": "Changed"})
        self.assertEqual(gate.deliverable_ids.name, "Initiation Request Form")

    def test_open_defects_block_the_testing_gate(self):
        self.walk_to("testing")
        gate = self.gate()
        self.complete_deliverables(gate)
        report = gate.deliverable_ids
        report.state = "draft"
        Task = self.env["project.task"]
        fixed, open_defect = Task.create(
            [
                {
                    "name": "Crash on upload",
                    "project_id": self.project.id,
                    "ops_is_defect": True,
                    "ops_deliverable_id": report.id,
                    "ops_retested": True,
                    "state": "1_done",
                },
                {
                    "name": "Slow feed",
                    "project_id": self.project.id,
                    "ops_is_defect": True,
                    "ops_deliverable_id": report.id,
                },
            ]
        )
        report.action_done()
        self.assertEqual(
            (report.defects_found, report.defects_fixed, report.defects_retested), (2, 1, 1)
        )
        with self.assertRaisesRegex(UserError, "Slow feed"):
            gate.with_user(self.user_lead).action_submit()
        with self.assertRaises(ValidationError):
            open_defect.ops_defect_waived = True
        open_defect.write({"ops_defect_waived": True, "ops_waiver_reason": "Accepted for 2.1"})
        gate.with_user(self.user_lead).action_submit()
        self.assertEqual(gate.review_ids.reviewer_ids, self.user_tester_head)
        self.approve_all(gate)
        self.assertEqual(self.project.ops_phase, "launch")
        self.assertTrue(fixed)

    def test_launch_checklist_must_be_done(self):
        self.walk_to("launch")
        gate = self.gate()
        dtype = self.env.ref("ops_project_lifecycle.ops_project_deliverable_type_launch_plan")
        plan = self.env["ops.project.deliverable"].create(
            {
                "gate_id": gate.id,
                "type_id": dtype.id,
                "name": "Launch plan",
                "launch_date": fields.Datetime.now(),
                "launch_content": "<p>v1</p>",
                "launch_procedure": "<p>Blue/green</p>",
                "checklist_ids": [(0, 0, {"name": "Backups verified"})],
            }
        )
        with self.assertRaisesRegex(UserError, "pre-launch check"):
            plan.action_done()
        plan.checklist_ids.done = True
        plan.action_done()
        self.assertEqual(plan.state, "done")

    def test_whole_lifecycle_to_closed(self):
        self.walk_to("closed")
        self.assertEqual(len(self.project.ops_gate_ids), 8)
        self.assertTrue(all(g.state == "passed" for g in self.project.ops_gate_ids))
        self.assertEqual(self.project.ops_phase_progress, 100.0)
        self.assertFalse(self.project.ops_current_gate_id)

    def test_overdue_gates_are_visible(self):
        gate = self.gate()
        with freeze_time(fields.Date.today() + timedelta(days=30)):
            gate.invalidate_recordset(["is_overdue"])
            self.assertTrue(gate.is_overdue)
            self.assertIn(gate, self.env["ops.project.gate"].search([("is_overdue", "=", True)]))
        self.assertNotIn(gate, self.env["ops.project.gate"].search([("is_overdue", "=", True)]))
