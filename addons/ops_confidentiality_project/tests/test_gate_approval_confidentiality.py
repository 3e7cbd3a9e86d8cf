# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json
import unittest
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import get_db_name, tagged

from odoo.addons.ops_confidentiality.tests.common import ConfidentialityCommon
from odoo.addons.ops_org.tests.common import (
    LoopbackHook,
    deliver_webhooks,
    serve_loopback_hook,
)
from odoo.addons.ops_project_lifecycle.tests.common import LifecycleCommon

PROJECT_NAME = "Unannounced streaming app"


@tagged("post_install", "-at_install", "ops_access")
class TestSecretGateApproval(LifecycleCommon):
    """What was found: a Leadership member without clearance received the
    approval activity of a secret project's gate and approved it, the e-mail
    went to them, and the messenger's message named the project. Now the
    gate's steps go only to reviewers cleared who need to know."""

    @classmethod
    def _clear(cls, user):
        employee = user.employee_id
        if not employee:
            ConfidentialityCommon.cleared_employee.__func__(cls, user, "secret")
            return
        cls.env["ops.nda"].create(
            {"employee_id": employee.id, "date_signed": date.today() - timedelta(days=30)}
        )
        employee.ops_clearance = "secret"

    @classmethod
    def setUpClass(cls):
        if "ops.project.gate" not in Registry(get_db_name()):
            raise unittest.SkipTest("ops_project_lifecycle is not installed")
        super().setUpClass()
        cls.knowers = (
            cls.user_lead
            | cls.user_member
            | cls.user_leader_2
            | cls.user_head
            | cls.user_tester_head
        )
        for user in cls.knowers:
            cls._clear(user)
        cls.company.write(
            {"ops_webhook_provider": "wecom", "ops_webhook_url": serve_loopback_hook(cls)}
        )
        cls.project.write({"name": PROJECT_NAME, "ops_level": "secret"})
        cls.project.write({"ops_need_to_know_user_ids": [Command.set(cls.knowers.ids)]})

    def setUp(self):
        super().setUp()
        LoopbackHook.received = []
        LoopbackHook.status = 200

    def _approval_activities(self, gate, user):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", gate._name),
                    ("res_id", "=", gate.id),
                    ("ops_tier_review_id", "!=", False),
                    ("user_id", "=", user.id),
                ]
            )
        )

    def test_uncleared_leader_neither_told_nor_deciding(self):
        gate = self.gate()
        self.complete_deliverables(gate)
        gate.with_user(self.user_lead).action_submit()
        for _step in range(5):
            if gate.state == "passed":
                break
            review = gate.review_ids.filtered(lambda r: r.status == "pending")[:1]
            self.assertNotIn(self.user_leader, review.reviewer_ids)
            self.assertFalse(self._approval_activities(gate, self.user_leader))
            for call in (
                gate.with_user(self.user_leader)._ops_approve,
                gate.with_user(self.user_leader).validate_tier,
            ):
                with self.assertRaises(UserError):  # AccessError included
                    call()
            reviewer = (review.reviewer_ids - gate.submitted_by_id)[:1]
            self.assertTrue(reviewer)
            self.assertTrue(self.project._ops_cleared_users(reviewer))
            gate.with_user(reviewer)._ops_approve()
        self.assertEqual(gate.state, "passed")
        # Nothing of it in the leader's inbox or mail, nothing named outside.
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("partner_ids", "in", self.user_leader.partner_id.ids)])
        )
        self.assertNotIn(PROJECT_NAME, " ".join(messages.mapped("body")))
        self.assertFalse(
            self.env["mail.mail"]
            .sudo()
            .search([("recipient_ids", "in", self.user_leader.partner_id.ids)])
            .filtered(lambda m: PROJECT_NAME in (m.body_html or "") + (m.subject or ""))
        )
        # The messenger is told by a job, once the transaction commits.
        deliver_webhooks(self.env)
        self.assertTrue(LoopbackHook.received)
        self.assertNotIn(PROJECT_NAME, json.dumps(LoopbackHook.received, ensure_ascii=False))
