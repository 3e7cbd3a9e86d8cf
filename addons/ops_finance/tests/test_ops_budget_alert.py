# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_jobs, run_jobs

from .common import BudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetAlert(BudgetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)
        cls.approve_budget()

    def _alerts(self):
        return self.part.message_ids.filtered(lambda m: "Budget alert" in (m.body or ""))

    @freeze_time("2027-01-25 10:00:00")
    def test_head_and_finance_alerted_once_per_threshold(self):
        self.post_item(500.0, "2027-01-10")
        self.env["ops.budget"].sudo()._cron_budget_alerts()
        self.assertFalse(self._alerts(), "50 % is below every threshold")
        self.post_item(350.0, "2027-01-12")
        self.env["ops.budget"].sudo()._cron_budget_alerts()
        alert = self._alerts()
        self.assertEqual(len(alert), 1)
        self.assertIn("85.0 % consumed (threshold 80.0 %)", alert.body)
        self.assertIn(self.user_head.partner_id, alert.partner_ids)
        self.assertIn(self.user_finance.partner_id, alert.partner_ids)
        self.assertEqual(self.line.alert_level, 80.0)
        self.env["ops.budget"].sudo()._cron_budget_alerts()
        self.assertEqual(len(self._alerts()), 1, "not twice for the same threshold")
        self.post_item(200.0, "2027-01-20")
        self.env["ops.budget"].sudo()._cron_budget_alerts()
        self.assertEqual(len(self._alerts()), 2)
        self.assertEqual(self.line.alert_level, 100.0)

    def test_thresholds_are_positive_percentages(self):
        for value in ("eighty", "80, -5"):
            with self.assertRaises(ValidationError):
                self.env["ops.budget"].with_user(self.user_finance).create(
                    {"name": "Bad", "year": 2028, "alert_thresholds": value}
                )
        self.assertFalse(self.env["ops.budget"].sudo().search([("name", "=", "Bad")]))


@tagged("post_install", "-at_install")
class TestBudgetAlertJobs(BudgetCommon):
    """The daily alerts as OCA queue_job jobs, one per approved budget:
    queued once, run, retried after a failure, idempotent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=False))
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)
        cls.approve_budget()

    def _alerts(self):
        return self.part.message_ids.filtered(lambda m: "Budget alert" in (m.body or ""))

    def _jobs(self):
        return ops_jobs(self.env, "ops.budget", "_ops_job_alerts").filtered(
            lambda job: job.records == self.budget
        )

    @freeze_time("2027-01-25 10:00:00")
    def test_queued_once_run_and_idempotent(self):
        self.post_item(900.0, "2027-01-10")
        Budget = self.env["ops.budget"].sudo()
        Budget._cron_budget_alerts()
        Budget._cron_budget_alerts()  # again before the runner: one job
        job = self._jobs()
        self.assertEqual(len(job), 1)
        self.assertEqual(job.channel, "root.ops.finance")
        self.assertNotIn(self.budget.name, job.name)
        self.assertFalse(self._alerts())
        run_jobs(self.env, job)
        self.assertEqual(job.state, "done")
        self.assertEqual(len(self._alerts()), 1)
        # The same job run again alerts nobody twice.
        self.assertEqual(self.budget._ops_job_alerts(), "0 lines alerted")
        self.assertEqual(len(self._alerts()), 1)

    @freeze_time("2027-01-25 10:00:00")
    def test_failed_job_is_retried(self):
        self.post_item(900.0, "2027-01-10")
        self.env["ops.budget"].sudo()._cron_budget_alerts()
        job = self._jobs()
        Part = type(self.env["ops.budget.department"])
        with patch.object(
            Part, "_ops_cleared_users", side_effect=ConnectionError("Mail server busy")
        ):
            run_jobs(self.env, job)
        self.assertEqual(job.state, "failed")
        self.assertFalse(self._alerts())
        self.assertEqual(self.line.alert_level, 0.0)
        job.requeue()
        run_jobs(self.env, job)
        self.assertEqual(job.state, "done")
        self.assertEqual(len(self._alerts()), 1)
        self.assertEqual(self.line.alert_level, 80.0)
