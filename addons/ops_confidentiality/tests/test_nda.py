# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, timedelta
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_jobs, run_jobs

from .common import ConfidentialityCommon


@tagged("post_install", "-at_install")
class TestNda(ConfidentialityCommon):
    def test_clearance_without_nda_refused(self):
        with self.assertRaisesRegex(UserError, "valid non-disclosure agreement"):
            self.emp_uncleared.with_user(self.user_officer).write({"ops_clearance": "secret"})
        self.assertEqual(self.emp_uncleared.ops_clearance, "internal")

    def test_clearance_is_the_officers(self):
        self.env["ops.nda"].create(
            {"employee_id": self.emp_uncleared.id, "date_signed": date.today()}
        )
        with self.assertRaisesRegex(UserError, "Only the confidentiality officer"):
            self.emp_uncleared.with_user(self.user_hr).write({"ops_clearance": "confidential"})
        self.emp_uncleared.with_user(self.user_officer).write({"ops_clearance": "confidential"})
        self.assertEqual(self.user_uncleared.ops_clearance_rank, 2)

    def test_nda_dates(self):
        with self.assertRaises(ValidationError):
            self.env["ops.nda"].create(
                {
                    "employee_id": self.emp_uncleared.id,
                    "date_signed": date.today(),
                    "date_expiry": date.today() - timedelta(days=1),
                }
            )

    def test_terminating_the_nda_withdraws_the_clearance(self):
        self.emp_cleared.ops_nda_ids.with_user(self.user_hr).action_terminate()
        self.assertEqual(self.emp_cleared.ops_clearance, "internal")
        self.assertEqual(self.user_cleared.ops_clearance_rank, 1)

    def test_reminder_before_expiry(self):
        self.env.company.ops_nda_reminder_days = 30
        nda = self.emp_cleared.ops_nda_ids
        nda.date_expiry = date.today() + timedelta(days=10)
        self.env["ops.nda"]._cron_remind()
        self.assertTrue(nda.reminded)
        users = nda.activity_ids.user_id
        self.assertIn(self.user_officer, users)
        self.assertIn(self.user_cleared, users)
        # Once.
        count = len(nda.activity_ids)
        self.env["ops.nda"]._cron_remind()
        self.assertEqual(len(nda.activity_ids), count)

    def test_onboarding_asks_for_the_nda(self):
        employee = self.env["hr.employee"].create({"name": "New hire"})
        activity = employee.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("ops_confidentiality.mail_activity_type_nda")
            )
        )
        self.assertEqual(len(activity), 1)
        self.assertIn(activity.user_id, self.env.ref("ops_org.ops_org_group_hr").users)

    def test_employee_sees_own_nda_only(self):
        Nda = self.env["ops.nda"].with_user(self.user_cleared)
        self.assertEqual(Nda.search([]), self.emp_cleared.ops_nda_ids)


@tagged("post_install", "-at_install")
class TestNdaExpiryJobs(ConfidentialityCommon):
    """The daily expiry as OCA queue_job jobs: queued once, run, retried
    after a failure, idempotent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=False))
        cls.emp_cleared.ops_nda_ids.date_expiry = date.today() - timedelta(days=1)

    def test_queued_once_run_and_idempotent(self):
        Nda = self.env["ops.nda"]
        Nda._cron_expire()
        Nda._cron_expire()  # the cron again before the runner: nothing twice
        expire = ops_jobs(self.env, "ops.nda", "_ops_job_expire")
        drop = ops_jobs(self.env, "ops.nda", "_ops_job_drop_clearances")
        self.assertEqual((len(expire), len(drop)), (1, 1))
        self.assertEqual(self.emp_cleared.ops_nda_ids.state, "valid")
        run_jobs(self.env, expire | drop)
        self.assertEqual(self.emp_cleared.ops_nda_ids.state, "expired")
        self.assertEqual(self.emp_cleared.ops_clearance, "internal")
        messages = len(self.emp_cleared.message_ids)
        # Run again: the agreement is expired already, nothing moves.
        self.assertEqual(self.emp_cleared.ops_nda_ids._ops_job_expire(), "0 agreements expired")
        Nda._ops_job_drop_clearances()
        self.assertEqual(len(self.emp_cleared.message_ids), messages)

    def test_failed_job_is_retried(self):
        self.env["ops.nda"]._cron_expire()
        expire = ops_jobs(self.env, "ops.nda", "_ops_job_expire")
        Employee = type(self.env["hr.employee"])
        with patch.object(
            Employee,
            "_ops_drop_clearance_without_nda",
            side_effect=ConnectionError("Directory locked for maintenance"),
        ):
            run_jobs(self.env, expire)
        self.assertEqual(expire.state, "failed")
        self.assertIn("Directory locked", expire.exc_message)
        # Nothing half done: the agreement is still valid, the clearance too.
        self.assertEqual(self.emp_cleared.ops_nda_ids.state, "valid")
        self.assertEqual(self.emp_cleared.ops_clearance, "secret")
        # The job queue's manager requeues it; it runs through.
        expire.requeue()
        run_jobs(self.env, expire)
        self.assertEqual(expire.state, "done")
        self.assertEqual(self.emp_cleared.ops_nda_ids.state, "expired")
        self.assertEqual(self.emp_cleared.ops_clearance, "internal")
