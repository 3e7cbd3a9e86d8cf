# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo.tests import tagged

from .common import LoopbackHook as _Hook
from .common import ops_jobs, run_jobs, serve_loopback_hook, trap_jobs
from .test_tier_validation import ApprovalCommon


@tagged("post_install", "-at_install")
class TestApprovalWebhook(ApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Queued, not run inline: the tests run the jobs as the runner does.
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=False))
        cls.Tester = cls.Tester.with_env(cls.env)
        cls.company = cls.company.with_env(cls.env)
        cls.url = serve_loopback_hook(cls)

    def setUp(self):
        super().setUp()
        _Hook.received = []
        _Hook.status = 200
        _Hook.answer = b'{"errcode": 0}'

    def _use(self, provider, url=None):
        self.company.write({"ops_webhook_provider": provider, "ops_webhook_url": url or self.url})

    def _deliver(self):
        """Run the messenger's jobs waiting, as the job runner would."""
        jobs = ops_jobs(self.env, "res.company", "_ops_job_webhook_post").filtered(
            lambda job: job.state == "pending"
        )
        return run_jobs(self.env, jobs)

    def test_request_and_decision_reach_the_group_robot(self):
        self._use("wecom")
        record = self._request(self.user_employee)
        # Queued with the request, on the webhook channel; nothing sent yet.
        job = ops_jobs(self.env, "res.company", "_ops_job_webhook_post")
        self.assertEqual(len(job), 1)
        self.assertEqual((job.state, job.channel), ("pending", "root.ops.webhook"))
        self.assertEqual(_Hook.received, [])
        self._deliver()
        self.assertEqual(job.state, "done")
        self.assertEqual(len(_Hook.received), 1)
        request = _Hook.received[0]
        self.assertEqual(request["msgtype"], "markdown")
        self.assertIn(
            f"/mail/view?model=ops.approval.tester&res_id={record.id}",
            request["markdown"]["content"],
        )
        record.with_user(self.user_head)._ops_approve()
        self._deliver()
        self.assertEqual(len(_Hook.received), 2)
        self.assertIn("approved by", _Hook.received[1]["markdown"]["content"])

    def test_delivery_is_queued_with_its_options(self):
        self._use("dingtalk")
        with trap_jobs() as trap:
            self._request(self.user_employee)
            trap.assert_jobs_count(1, only=self.company._ops_job_webhook_post)
            call = trap.calls[0]
            self.assertEqual(call.args[0], self.url)
            self.assertEqual(call.properties["max_retries"], 6)
            trap.perform_enqueued_jobs()
        self.assertEqual(len(_Hook.received), 1)

    def test_payload_per_messenger(self):
        for provider, check in (
            ("dingtalk", lambda p: p["msgtype"] == "markdown" and "title" in p["markdown"]),
            ("feishu", lambda p: p["msg_type"] == "text" and "http" in p["content"]["text"]),
        ):
            self._use(provider)
            self._request(self.user_employee)
            self._deliver()
            self.assertTrue(check(_Hook.received[-1]), provider)

    def test_failing_webhook_is_retried_and_never_blocks_an_approval(self):
        self._use("feishu")
        _Hook.status = 500
        record = self._request(self.user_employee)
        record.with_user(self.user_head)._ops_approve()
        self.assertEqual(record.validation_status, "validated")
        with self.assertLogs("odoo.addons.ops_org.models.res_company", "WARNING") as logs:
            jobs = self._deliver()
        self.assertIn("retried later", logs.output[0])
        # Postponed by the job function's back-off, not failed.
        for job in jobs:
            self.assertEqual((job.state, job.retry), ("pending", 1))
            self.assertGreater(job.eta, job.date_created)
        self.assertEqual(len(_Hook.received), 2)
        # The robot is back: the next attempt delivers each message once.
        _Hook.status = 200
        self._deliver()
        self.assertEqual(jobs.mapped("state"), ["done", "done"])
        self.assertEqual(len(_Hook.received), 4)
        self.assertEqual(record.validation_status, "validated")

    def test_robot_error_code_is_retried(self):
        self._use("wecom")
        _Hook.answer = b'{"errcode": 93000, "errmsg": "invalid webhook url"}'
        self._request(self.user_employee)
        with self.assertLogs("odoo.addons.ops_org.models.res_company", "WARNING"):
            job = self._deliver()
        self.assertEqual((job.state, job.retry), ("pending", 1))

    def test_unreachable_webhook_fails_after_its_retries(self):
        self._use("dingtalk", "http://127.0.0.1:9/unreachable")
        record = self._request(self.user_employee)
        record.with_user(self.user_head)._ops_approve()
        self.assertEqual(record.validation_status, "validated")
        jobs = ops_jobs(self.env, "res.company", "_ops_job_webhook_post")
        with self.assertLogs("odoo.addons.ops_org.models.res_company", "WARNING"):
            for _attempt in range(6):
                self._deliver()
        # Left failed in the job queue for an administrator to see.
        self.assertEqual(jobs.mapped("state"), ["failed", "failed"])
        self.assertIn("Max. retries", jobs[0].exc_message)
        self.assertEqual(record.validation_status, "validated")

    def test_no_webhook_without_configuration(self):
        self.company.ops_webhook_provider = False
        self._request(self.user_employee)
        self.assertFalse(ops_jobs(self.env, "res.company", "_ops_job_webhook_post"))
        self.assertEqual(_Hook.received, [])
