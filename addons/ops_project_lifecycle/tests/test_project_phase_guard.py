# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every path that could move a project's phase past a gate is refused:
ORM write (form save), kanban drag (web_save), import (load), JSON-RPC, and
create; with a translated message naming what is missing; nothing written."""

import json

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import LifecycleCommon


@tagged("post_install", "-at_install")
class TestPhaseGuard(LifecycleCommon):
    def test_write_past_an_unapproved_gate_is_refused(self):
        planning = self.phases["planning"]
        for user in (self.user_lead, self.user_leader):
            with self.assertRaisesRegex(UserError, "Initiation Request Form"):
                self.project.with_user(user).write({"ops_phase_id": planning.id})
        # not even the superuser
        with self.assertRaisesRegex(UserError, "gate review is not approved"):
            self.project.sudo().write({"ops_phase_id": planning.id})
        self.assertEqual(self.project.ops_phase, "initiation")

    def test_complete_deliverables_are_not_enough_without_approval(self):
        self.complete_deliverables(self.gate())
        with self.assertRaisesRegex(UserError, "gate review is not approved"):
            self.project.write({"ops_phase_id": self.phases["planning"].id})

    def test_skipping_or_going_back_is_refused(self):
        with self.assertRaisesRegex(UserError, "skip"):
            self.project.write({"ops_phase_id": self.phases["design"].id})
        self.pass_gate()
        with self.assertRaisesRegex(UserError, "go back"):
            self.project.write({"ops_phase_id": self.phases["initiation"].id})
        self.assertEqual(self.project.ops_phase, "planning")

    def test_nothing_is_half_written(self):
        other = (
            self.env["project.project"]
            .with_user(self.user_lead)
            .create(
                {"name": "Podcast", "ops_member_ids": [(0, 0, {"user_id": self.user_member.id})]}
            )
        )
        self.pass_gate(other)  # other may move on, self.project may not
        with self.assertRaises(UserError):
            (other | self.project).write(
                {"name": "Renamed", "ops_phase_id": self.phases["planning"].id}
            )
        self.assertEqual(self.project.name, "Short-Video App")
        self.assertEqual(other.name, "Podcast")

    def test_kanban_drag_is_refused(self):
        # The kanban saves a dropped card with web_save.
        with self.assertRaisesRegex(UserError, "Initiation Request Form"):
            self.project.with_user(self.user_lead).web_save(
                {"ops_phase_id": self.phases["planning"].id}, {"display_name": {}}
            )
        self.assertEqual(self.project.ops_phase, "initiation")

    def test_import_is_refused(self):
        result = self.env["project.project"].load(
            ["id", "name", "ops_phase_id/id"],
            [
                [
                    self.project.get_external_id()[self.project.id] or "__import__.p1",
                    "Imported",
                    "ops_project_lifecycle.ops_project_phase_testing",
                ]
            ],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(any(m["type"] == "error" for m in result["messages"]))
        self.assertEqual(self.project.ops_phase, "initiation")

    def test_creating_a_project_in_a_later_phase_is_refused(self):
        with self.assertRaisesRegex(UserError, "starts in the phase"):
            self.env["project.project"].create(
                {"name": "Shortcut", "ops_phase_id": self.phases["launch"].id}
            )
        result = self.env["project.project"].load(
            ["name", "ops_phase_id/id"],
            [["Imported shortcut", "ops_project_lifecycle.ops_project_phase_launch"]],
        )
        self.assertFalse(result["ids"])
        self.assertFalse(self.env["project.project"].search([("name", "=", "Imported shortcut")]))

    def test_message_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["ops_org", "ops_project_lifecycle"], ["zh_CN"], overwrite=True
        )
        with self.assertRaises(UserError) as caught:
            self.project.with_context(lang="zh_CN").write(
                {"ops_phase_id": self.phases["planning"].id}
            )
        self.assertIn("项目启动申请表", str(caught.exception))
        self.assertIn("阶段评审尚未批准", str(caught.exception))


@tagged("post_install", "-at_install")
class TestPhaseGuardRpc(LifecycleCommon, HttpCase):
    def test_json_rpc_write_is_refused(self):
        self.authenticate("ops_project_lead", "ops_project_lead")
        response = self.url_open(
            "/web/dataset/call_kw/project.project/write",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": "project.project",
                        "method": "write",
                        "args": [[self.project.id], {"ops_phase_id": self.phases["planning"].id}],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        error = response.json()["error"]
        self.assertEqual(error["data"]["name"], "odoo.exceptions.UserError")
        self.assertIn("Initiation Request Form", error["data"]["message"])
        self.project.invalidate_recordset()
        self.assertEqual(self.project.ops_phase, "initiation")
