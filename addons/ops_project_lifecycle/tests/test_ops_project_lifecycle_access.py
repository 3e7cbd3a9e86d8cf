# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One test per ACL row and per record rule of ops_project_lifecycle, run as
the role concerned (project lead, member, department head, leadership,
outsider)."""

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import LifecycleCommon


@tagged("post_install", "-at_install", "ops_access")
class TestLifecycleAccess(LifecycleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})
        cls.foreign_project = (
            cls.env["project.project"]
            .sudo()
            .create({"name": "Foreign", "company_id": cls.other_company.id})
        )
        cls.other_lead = cls.env["res.users"].create(
            {
                "name": "Other Lead",
                "login": "ops_other_lead",
                "groups_id": [(6, 0, [cls.env.ref("ops_org.ops_org_group_project_lead").id])],
            }
        )
        cls.other_project = (
            cls.env["project.project"]
            .with_user(cls.other_lead)
            .create({"name": "Someone else's", "privacy_visibility": "employees"})
        )

    def visible(self, user, model, records):
        return self.env[model].with_user(user).search([("id", "in", records.ids)])

    # -- ACL rows ----------------------------------------------------------

    def test_phase_read_by_employees_only(self):
        # access_ops_project_phase_employee
        phase = self.phases["planning"].with_user(self.user_member)
        self.assertEqual(phase.code, "planning")
        with self.assertRaises(AccessError):
            phase.write({"duration_days": 3})

    def test_phase_configured_by_project_managers(self):
        # access_ops_project_phase_manager (Leadership implies Project Administrator)
        self.phases["planning"].with_user(self.user_leader).write({"duration_days": 12})
        self.assertEqual(self.phases["planning"].duration_days, 12)

    def test_deliverable_type_read_by_employees_only(self):
        # access_ops_project_deliverable_type_employee
        Type = self.env["ops.project.deliverable.type"].with_user(self.user_member)
        self.assertTrue(Type.search([("kind", "=", "plan")]))
        with self.assertRaises(AccessError):
            Type.create({"name": "Storyboard", "phase_id": self.phases["design"].id})

    def test_deliverable_type_configured_by_project_managers(self):
        # access_ops_project_deliverable_type_manager
        dtype = (
            self.env["ops.project.deliverable.type"]
            .with_user(self.user_leader)
            .create({"name": "Storyboard", "phase_id": self.phases["design"].id})
        )
        self.assertTrue(dtype.mandatory)

    def test_project_lead_creates_projects_member_cannot(self):
        # access_project_project_project_lead
        project = (
            self.env["project.project"].with_user(self.user_lead).create({"name": "Mini Program"})
        )
        self.assertEqual(project.ops_phase, "initiation")
        with self.assertRaises(AccessError):
            self.env["project.project"].with_user(self.user_member).create({"name": "Nope"})

    def test_department_head_raises_a_project_for_their_department(self):
        # access_project_project_department_head and
        # project_project_rule_department_head_create (policy §三(一)1)
        head = ops_user(self.env, "ops_channel_head", "ops_org.ops_org_group_employee")
        department = self.env["hr.department"].create(
            {
                "name": "Channel Marketing",
                "manager_id": self.env["hr.employee"]
                .create({"name": "Channel Head", "user_id": head.id})
                .id,
            }
        )
        self.assertTrue(head.has_group("ops_org.ops_org_group_department_head"))
        self.assertFalse(head.has_group("ops_org.ops_org_group_project_lead"))
        with Form(self.env["project.project"].with_user(head)) as form:
            form.name = "Mini Drama"
            form.ops_requesting_department_id = department
        project = form.record
        self.assertEqual(project.ops_phase, "initiation")
        self.assertEqual(project.ops_current_gate_id.owner_department_id, department)
        Project = self.env["project.project"].with_user(head)
        # Not for another department, nor for none, nor in another phase.
        self.assertRefused(
            Project.create, {"name": "Planning's", "ops_requesting_department_id": self.planning.id}
        )
        self.assertRefused(Project.create, {"name": "Nobody's"})
        self.assertRefused(
            Project.create,
            {
                "name": "Shortcut",
                "ops_requesting_department_id": department.id,
                "ops_phase_id": self.phases["planning"].id,
            },
        )
        # And no project administration beyond raising it.
        self.assertRefused(project.with_user(head).write, {"name": "Renamed"})
        self.assertRefused(project.with_user(head).unlink)
        self.assertFalse(head.has_group("project.group_project_manager"))
        self.assertEqual(
            self.env["project.project"].search_count([("name", "in", ("Planning's", "Nobody's"))]),
            0,
        )
        # A head who also leads projects creates any project, as every lead.
        self.env["project.project"].with_user(self.user_leader).create(
            {"name": "Leader's", "ops_requesting_department_id": self.planning.id}
        )

    def test_team_read_by_employees(self):
        # access_ops_project_member_employee
        Member = self.env["ops.project.member"].with_user(self.user_member)
        self.assertEqual(len(Member.search([("project_id", "=", self.project.id)])), 2)
        with self.assertRaises(AccessError):
            Member.create({"project_id": self.project.id, "user_id": self.user_outsider.id})

    def test_lead_manages_the_team(self):
        # access_ops_project_member_project_lead
        member = (
            self.env["ops.project.member"]
            .with_user(self.user_lead)
            .create({"project_id": self.project.id, "user_id": self.user_outsider.id})
        )
        member.write({"role": "tester"})
        member.unlink()
        self.assertFalse(member.exists())

    def test_gate_read_and_write_by_employees_not_created(self):
        # access_ops_project_gate_employee
        gate = self.gate().with_user(self.user_member)
        self.assertEqual(gate.phase, "initiation")
        with self.assertRaises(AccessError):
            self.env["ops.project.gate"].with_user(self.user_member).create(
                {"project_id": self.project.id, "phase_id": self.phases["design"].id}
            )

    def test_decisions_are_read_only(self):
        # access_ops_project_gate_decision_employee
        self.pass_gate()
        decision = self.project.ops_gate_ids[0].decision_ids[:1].with_user(self.user_member)
        self.assertTrue(decision.decision)
        with self.assertRaises(AccessError):
            decision.write({"comment": "rewritten"})

    def test_member_writes_deliverables_but_does_not_delete(self):
        # access_ops_project_deliverable_employee
        self.complete_deliverables(self.gate(), self.user_member)
        deliverable = self.gate().deliverable_ids.with_user(self.user_member)
        with self.assertRaises(AccessError):
            deliverable.unlink()

    def test_lead_deletes_a_draft_deliverable(self):
        # access_ops_project_deliverable_project_lead
        self.complete_deliverables(self.gate(), self.user_lead)
        deliverable = self.gate().deliverable_ids.with_user(self.user_lead)
        deliverable.unlink()
        self.assertFalse(deliverable.exists())

    def test_member_keeps_the_prelaunch_checklist(self):
        # access_ops_project_checklist_line_employee
        self.complete_deliverables(self.gate(), self.user_member)
        line = (
            self.env["ops.project.checklist.line"]
            .with_user(self.user_member)
            .create({"deliverable_id": self.gate().deliverable_ids.id, "name": "CDN warmed"})
        )
        line.write({"done": True})
        self.assertTrue(line.done)

    def test_member_requests_a_change(self):
        # access_ops_project_change_request_employee
        self.walk_to("development")
        request = (
            self.env["ops.project.change.request"]
            .with_user(self.user_member)
            .create(
                {
                    "name": "Dark mode",
                    "project_id": self.project.id,
                    "description": "<p>Dark mode</p>",
                    "reason": "Users ask",
                }
            )
        )
        with self.assertRaises(AccessError):
            request.unlink()

    # -- record rules ------------------------------------------------------

    def test_gate_rule_company(self):
        # ops_project_gate_rule_company
        gates = self.foreign_project.sudo().ops_gate_ids
        self.assertTrue(gates)
        self.assertFalse(self.visible(self.user_leader, "ops.project.gate", gates))

    def test_gate_rule_team(self):
        # ops_project_gate_rule_team
        gate = self.gate()
        self.assertEqual(self.visible(self.user_member, "ops.project.gate", gate), gate)
        self.assertEqual(self.visible(self.user_lead, "ops.project.gate", gate), gate)
        self.assertFalse(self.visible(self.user_outsider, "ops.project.gate", gate))
        with self.assertRaises(AccessError):
            gate.with_user(self.user_outsider).read(["phase"])

    def test_gate_rule_department_head(self):
        # ops_project_gate_rule_department_head
        initiation_gate = self.gate()
        self.assertFalse(self.visible(self.user_head, "ops.project.gate", initiation_gate))
        self.pass_gate()
        planning_gate = self.gate()
        self.assertEqual(
            self.visible(self.user_head, "ops.project.gate", planning_gate), planning_gate
        )

    def test_gate_rule_leadership(self):
        # ops_project_gate_rule_leadership
        gates = self.project.ops_gate_ids | self.other_project.ops_gate_ids
        self.assertEqual(self.visible(self.user_leader, "ops.project.gate", gates), gates)

    def test_decision_rule_company(self):
        # ops_project_gate_decision_rule_company
        foreign = self.foreign_project.sudo()
        self.env["ops.project.gate.decision"].create(
            {"gate_id": foreign.ops_gate_ids.id, "decision": "submitted", "user_id": self.env.uid}
        )
        decisions = foreign.ops_gate_ids.decision_ids
        self.assertFalse(self.visible(self.user_leader, "ops.project.gate.decision", decisions))

    def test_decision_rule_team(self):
        # ops_project_gate_decision_rule_team
        self.pass_gate()
        decisions = self.project.ops_gate_ids.decision_ids
        self.assertEqual(
            self.visible(self.user_member, "ops.project.gate.decision", decisions), decisions
        )
        self.assertFalse(self.visible(self.user_outsider, "ops.project.gate.decision", decisions))

    def test_decision_rule_department_head(self):
        # ops_project_gate_decision_rule_department_head
        self.walk_to("design")
        planning = self.project.ops_gate_ids.filtered(lambda g: g.phase == "planning")
        initiation = self.project.ops_gate_ids.filtered(lambda g: g.phase == "initiation")
        seen = self.visible(
            self.user_head, "ops.project.gate.decision", (planning | initiation).decision_ids
        )
        self.assertEqual(seen, planning.decision_ids)

    def test_decision_rule_leadership(self):
        # ops_project_gate_decision_rule_leadership
        self.pass_gate()
        decisions = self.project.ops_gate_ids.decision_ids
        self.assertEqual(
            self.visible(self.user_leader_2, "ops.project.gate.decision", decisions), decisions
        )

    def test_deliverable_rule_company(self):
        # ops_project_deliverable_rule_company
        foreign = self.foreign_project.sudo()
        deliverable = self.env["ops.project.deliverable"].create(
            {
                "gate_id": foreign.ops_gate_ids.id,
                "type_id": self.env.ref(
                    "ops_project_lifecycle.ops_project_deliverable_type_initiation_request"
                ).id,
                "name": "Foreign request",
            }
        )
        self.assertFalse(self.visible(self.user_leader, "ops.project.deliverable", deliverable))

    def test_deliverable_rule_team(self):
        # ops_project_deliverable_rule_team
        self.complete_deliverables(self.gate())
        deliverable = self.gate().deliverable_ids
        self.assertEqual(
            self.visible(self.user_member_2, "ops.project.deliverable", deliverable), deliverable
        )
        self.assertFalse(self.visible(self.user_outsider, "ops.project.deliverable", deliverable))
        with self.assertRaises(AccessError):
            self.env["ops.project.deliverable"].with_user(self.user_outsider).create(
                {"gate_id": self.gate().id, "type_id": deliverable.type_id.id, "name": "Intrusion"}
            )

    def test_deliverable_rule_department_head_reads_only(self):
        # ops_project_deliverable_rule_department_head
        self.pass_gate()
        self.complete_deliverables(self.gate())
        plan = self.gate().deliverable_ids
        self.assertEqual(self.visible(self.user_head, "ops.project.deliverable", plan), plan)
        with self.assertRaises(AccessError):
            plan.with_user(self.user_head).write({"name": "Head's plan"})

    def test_deliverable_rule_leadership(self):
        # ops_project_deliverable_rule_leadership
        self.complete_deliverables(self.gate())
        deliverable = self.gate().deliverable_ids
        deliverable.with_user(self.user_leader).write({"name": "Reviewed request"})
        self.assertEqual(deliverable.name, "Reviewed request")

    def _launch_line(self, project=None):
        project = project or self.project
        gate = project.sudo().ops_current_gate_id
        deliverable = self.env["ops.project.deliverable"].create(
            {
                "gate_id": gate.id,
                "type_id": gate.phase_id.deliverable_type_ids[:1].id,
                "name": "Doc",
            }
        )
        return self.env["ops.project.checklist.line"].create(
            {"deliverable_id": deliverable.id, "name": "Check"}
        )

    def test_checklist_rule_company(self):
        # ops_project_checklist_line_rule_company
        line = self._launch_line(self.foreign_project)
        self.assertFalse(self.visible(self.user_leader, "ops.project.checklist.line", line))

    def test_checklist_rule_team(self):
        # ops_project_checklist_line_rule_team
        line = self._launch_line()
        self.assertEqual(self.visible(self.user_member, "ops.project.checklist.line", line), line)
        self.assertFalse(self.visible(self.user_outsider, "ops.project.checklist.line", line))

    def test_checklist_rule_leadership(self):
        # ops_project_checklist_line_rule_leadership
        line = self._launch_line(self.other_project)
        self.assertEqual(self.visible(self.user_leader, "ops.project.checklist.line", line), line)

    def test_member_rule_company(self):
        # ops_project_member_rule_company
        member = self.env["ops.project.member"].create(
            {"project_id": self.foreign_project.id, "user_id": self.user_member.id}
        )
        self.assertFalse(self.visible(self.user_leader, "ops.project.member", member))

    def test_member_rule_project_lead(self):
        # ops_project_member_rule_project_lead: only their own projects' team
        with self.assertRaises(AccessError):
            self.env["ops.project.member"].with_user(self.user_lead).create(
                {"project_id": self.other_project.id, "user_id": self.user_member.id}
            )

    def test_member_rule_leadership(self):
        # ops_project_member_rule_leadership
        member = (
            self.env["ops.project.member"]
            .with_user(self.user_leader)
            .create({"project_id": self.other_project.id, "user_id": self.user_member.id})
        )
        self.assertEqual(member.project_id, self.other_project)

    def _change_request(self, project):
        return self.env["ops.project.change.request"].create(
            {
                "name": "Change",
                "project_id": project.id,
                "description": "<p>x</p>",
                "reason": "y",
                "department_id": self.planning.id,
            }
        )

    def test_change_request_rule_company(self):
        # ops_project_change_request_rule_company
        self.walk_to("development")
        request = self._change_request(self.project)
        # Only the stored company matters to the rule.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ops_project_change_request SET company_id = %s WHERE id = %s",
            [self.other_company.id, request.id],
        )
        request.invalidate_recordset(["company_id"])
        self.assertFalse(self.visible(self.user_leader, "ops.project.change.request", request))

    def test_change_request_rule_team(self):
        # ops_project_change_request_rule_team
        self.walk_to("development")
        request = self._change_request(self.project)
        self.assertEqual(
            self.visible(self.user_member, "ops.project.change.request", request), request
        )
        self.assertFalse(self.visible(self.user_outsider, "ops.project.change.request", request))

    def test_change_request_rule_department_head(self):
        # ops_project_change_request_rule_department_head: reads, cannot create
        self.walk_to("development")
        request = self._change_request(self.project)
        self.assertEqual(
            self.visible(self.user_head, "ops.project.change.request", request), request
        )
        with self.assertRaises(AccessError):
            self.env["ops.project.change.request"].with_user(self.user_tester_head).create(
                {
                    "name": "Not mine",
                    "project_id": self.project.id,
                    "description": "<p>x</p>",
                    "reason": "y",
                }
            )

    def test_change_request_rule_leadership(self):
        # ops_project_change_request_rule_leadership
        self.walk_to("development")
        request = self._change_request(self.project)
        self.assertEqual(
            self.visible(self.user_leader, "ops.project.change.request", request), request
        )
