# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields
from odoo.tests import TransactionCase

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, OpsOrgCommon, ops_user
from odoo.addons.ops_project_lifecycle.models.ops_project_deliverable_type import (
    REQUIRED_FIELDS,
)


class LifecycleCommon(TransactionCase):
    """A project led by ``user_lead`` with two team members, asked for by
    Marketing; Planning headed by ``user_head``; two leaders; an outsider."""

    assertRefused = OpsOrgCommon.assertRefused

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        cls.company = cls.env.company

        def user(login, groups):
            return ops_user(cls.env, login, groups, cls.company)

        emp = "ops_org.ops_org_group_employee"
        cls.user_lead = user("ops_project_lead", "ops_org.ops_org_group_project_lead")
        cls.user_member = user("ops_member", emp)
        cls.user_member_2 = user("ops_member_2", emp)
        cls.user_head = user("ops_line_manager", emp)
        cls.user_tester_head = user("ops_test_head", emp)
        cls.user_leader = user("ops_leader", "ops_org.ops_org_group_leadership")
        cls.user_leader_2 = user("ops_leader_2", "ops_org.ops_org_group_leadership")
        cls.user_outsider = user("ops_outsider", emp)
        cls.env.ref("ops_org.ops_org_group_leadership").users = cls.user_leader | cls.user_leader_2
        Employee = cls.env["hr.employee"]
        cls.planning = cls.env.ref("ops_org.hr_department_planning")
        cls.planning.manager_id = Employee.create(
            {"name": "Planning Head", "user_id": cls.user_head.id}
        )
        cls.testing = cls.env.ref("ops_org.hr_department_testing")
        cls.testing.manager_id = Employee.create(
            {"name": "Testing Head", "user_id": cls.user_tester_head.id}
        )
        cls.marketing = cls.env.ref("ops_org.hr_department_marketing")
        cls.marketing.manager_id = False
        for department in cls.env["hr.department"].search(
            [("kind", "!=", False), ("id", "not in", (cls.planning | cls.testing).ids)]
        ):
            department.manager_id = False
        cls.phases = {p.code: p for p in cls.env["ops.project.phase"].search([])}
        cls.project = (
            cls.env["project.project"]
            .with_user(cls.user_lead)
            .create(
                {
                    "name": "Short-Video App",
                    "ops_requesting_department_id": cls.marketing.id,
                    "privacy_visibility": "employees",
                }
            )
        ).with_user(cls.env.user)
        cls.env["ops.project.member"].create(
            [
                {"project_id": cls.project.id, "user_id": cls.user_member.id, "role": "planner"},
                {
                    "project_id": cls.project.id,
                    "user_id": cls.user_member_2.id,
                    "role": "designer",
                },
            ]
        )

    # -- helpers -----------------------------------------------------------

    def gate(self, project=None):
        return (project or self.project).ops_current_gate_id

    def complete_deliverables(self, gate, user=None):
        """Fill in and complete every mandatory deliverable of ``gate``."""
        Deliverable = self.env["ops.project.deliverable"].with_user(user or self.user_member)
        for dtype in gate.phase_id.deliverable_type_ids.filtered("mandatory"):
            vals = {"gate_id": gate.id, "type_id": dtype.id, "name": dtype.name}
            for fname in REQUIRED_FIELDS[dtype.kind]:
                ftype = Deliverable._fields[fname].type
                vals[fname] = (
                    fields.Datetime.now() if ftype == "datetime" else f"<p>{fname} text</p>"
                )
            Deliverable.create(vals).action_done()

    def approve_all(self, gate):
        """Each pending review decided by its first reviewer who did not
        submit, until the gate has passed."""
        for _i in range(5):
            if gate.state == "passed":
                return
            review = gate.review_ids.filtered(lambda r: r.status == "pending")[:1]
            reviewer = (review.reviewer_ids - gate.submitted_by_id)[:1]
            self.assertTrue(reviewer, f"nobody can decide {review.name}")
            gate.with_user(reviewer)._ops_approve()
        self.assertEqual(gate.state, "passed")

    def pass_gate(self, project=None):
        project = project or self.project
        gate = self.gate(project)
        self.complete_deliverables(gate)
        gate.with_user(self.user_lead).action_submit()
        self.approve_all(gate)
        return gate

    def walk_to(self, code, project=None):
        project = project or self.project
        while project.ops_phase != code:
            self.pass_gate(project)
