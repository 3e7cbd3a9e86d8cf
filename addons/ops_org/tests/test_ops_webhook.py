# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


from odoo.tests import tagged

from .common import LoopbackHook as _Hook
from .common import serve_loopback_hook
from .test_tier_validation import ApprovalCommon


@tagged("post_install", "-at_install")
class TestApprovalWebhook(ApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.url = serve_loopback_hook(cls)

    def setUp(self):
        super().setUp()
        _Hook.received = []
        _Hook.status = 200

    def _use(self, provider, url=None):
        self.company.write({"ops_webhook_provider": provider, "ops_webhook_url": url or self.url})

    def test_request_and_decision_reach_the_group_robot(self):
        self._use("wecom")
        record = self._request(self.user_employee)
        self.env.cr.postcommit.run()
        self.assertEqual(len(_Hook.received), 1)
        request = _Hook.received[0]
        self.assertEqual(request["msgtype"], "markdown")
        self.assertIn(
            f"/mail/view?model=ops.approval.tester&res_id={record.id}",
            request["markdown"]["content"],
        )
        record.with_user(self.user_head)._ops_approve()
        self.env.cr.postcommit.run()
        self.assertEqual(len(_Hook.received), 2)
        self.assertIn("approved by", _Hook.received[1]["markdown"]["content"])

    def test_payload_per_messenger(self):
        for provider, check in (
            ("dingtalk", lambda p: p["msgtype"] == "markdown" and "title" in p["markdown"]),
            ("feishu", lambda p: p["msg_type"] == "text" and "http" in p["content"]["text"]),
        ):
            self._use(provider)
            self._request(self.user_employee)
            self.env.cr.postcommit.run()
            self.assertTrue(check(_Hook.received[-1]), provider)

    def test_failing_webhook_never_blocks_an_approval(self):
        self._use("feishu")
        _Hook.status = 500
        record = self._request(self.user_employee)
        record.with_user(self.user_head)._ops_approve()
        with self.assertLogs("odoo.addons.ops_org.models.res_company", "WARNING") as logs:
            self.env.cr.postcommit.run()
        self.assertIn("failed", logs.output[0])
        self.assertEqual(record.validation_status, "validated")

    def test_unreachable_webhook_never_blocks_an_approval(self):
        self._use("dingtalk", "http://127.0.0.1:9/unreachable")
        record = self._request(self.user_employee)
        record.with_user(self.user_head)._ops_approve()
        with self.assertLogs("odoo.addons.ops_org.models.res_company", "WARNING"):
            self.env.cr.postcommit.run()
        self.assertEqual(record.validation_status, "validated")

    def test_no_webhook_without_configuration(self):
        self.company.ops_webhook_provider = False
        self._request(self.user_employee)
        self.env.cr.postcommit.run()
        self.assertEqual(_Hook.received, [])
