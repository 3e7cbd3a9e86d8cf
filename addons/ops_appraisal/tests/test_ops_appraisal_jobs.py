# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The cycle's long steps as OCA queue_job jobs: queued per chunk of
departments, run as the job runner runs them, retried after a failure
without redoing the chunks done, idempotent."""

from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_jobs, run_jobs, trap_jobs

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestCycleJobs(AppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Queued, not run inline.
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=False))
        # Chunks of up to 3 people: Studio's three together, Elsewhere apart.
        cls.env["ir.config_parameter"].sudo().set_param("ops_appraisal.chunk_size", 3)
        cls.new_cycle = (
            cls.env["ops.appraisal.cycle"]
            .with_user(cls.user_hr)
            .create(
                {
                    "name": "2026-12",
                    "date_start": "2026-12-01",
                    "date_end": "2026-12-31",
                    "template_id": cls.template.id,
                    "department_ids": [(6, 0, (cls.department | cls.other_department).ids)],
                }
            )
        )

    def _jobs(self, method):
        return ops_jobs(self.env, "ops.appraisal.cycle", method)

    def test_generation_is_queued_per_department_chunk(self):
        with trap_jobs() as trap:
            self.new_cycle.action_generate()
            trap.assert_jobs_count(2, only=self.new_cycle._ops_job_generate)
            trap.assert_enqueued_job(
                self.new_cycle._ops_job_generate,
                args=((self.emp_head | self.emp_employee | self.emp_peer).sorted("id").ids,),
            )
            trap.assert_enqueued_job(
                self.new_cycle._ops_job_generate, args=(self.emp_outsider.ids,)
            )
        # A chunk that outgrows the size is split; small departments share one.
        chunks = self.new_cycle._ops_department_chunks(
            self.emp_head | self.emp_employee | self.emp_peer | self.emp_outsider, size=2
        )
        self.assertEqual([len(chunk) for chunk in chunks], [2, 2])
        self.assertFalse(self.new_cycle.appraisal_ids)

    def test_generation_runs_shows_progress_and_is_idempotent(self):
        cycle = self.new_cycle.with_user(self.user_hr)
        cycle.action_generate()
        jobs = self._jobs("_ops_job_generate")
        self.assertEqual(len(jobs), 2)
        self.assertEqual(set(jobs.mapped("channel")), {"root.ops.hr"})
        self.assertEqual(set(jobs.mapped("user_id")), {self.user_hr})
        self.assertIn("Studio", jobs[0].name)
        cycle.invalidate_recordset()
        self.assertEqual((cycle.ops_job_state, cycle.ops_job_progress), ("running", 0.0))
        self.assertEqual(cycle.ops_job_summary, "0 of 2 parts done")
        # No step before the appraisals are all there.
        cycle.action_open()
        with self.assertRaises(UserError):
            cycle.action_calibrate()
        run_jobs(self.env, jobs[:1])
        cycle.invalidate_recordset()
        self.assertEqual(cycle.ops_job_state, "running")
        self.assertEqual(cycle.ops_job_progress, 50.0)
        run_jobs(self.env, jobs[1:])
        cycle.invalidate_recordset()
        self.assertEqual((cycle.ops_job_state, cycle.ops_job_progress), ("done", 100.0))
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        employees = cycle.sudo().appraisal_ids.employee_id
        self.assertEqual(
            employees, self.emp_head | self.emp_employee | self.emp_peer | self.emp_outsider
        )
        evaluations = cycle.sudo().appraisal_ids.evaluation_ids
        # A chunk run again (the runner retries a job whose worker died after
        # it committed) creates nothing twice.
        for job in jobs:
            cycle._ops_job_generate(job.args[0])
        cycle.invalidate_recordset()
        self.assertEqual(cycle.sudo().appraisal_ids.employee_id, employees)
        self.assertEqual(len(cycle.sudo().appraisal_ids), 4)
        self.assertEqual(cycle.sudo().appraisal_ids.evaluation_ids, evaluations)

    def test_failed_chunk_is_retried_alone(self):
        cycle = self.new_cycle.with_user(self.user_hr)
        cycle.action_generate()
        jobs = self._jobs("_ops_job_generate")
        Appraisal = type(self.env["ops.appraisal"])
        original = Appraisal._ops_assign_peers

        def fail_elsewhere(appraisals):
            if appraisals.department_id == self.other_department:
                raise ConnectionError("The directory is unreachable")
            return original(appraisals)

        with patch.object(Appraisal, "_ops_assign_peers", fail_elsewhere):
            run_jobs(self.env, jobs)
        failed = jobs.filtered(lambda job: job.state == "failed")
        self.assertEqual(len(failed), 1)
        self.assertIn("Elsewhere", failed.name)
        cycle.invalidate_recordset()
        self.assertEqual(cycle.ops_job_state, "failed")
        self.assertIn("The directory is unreachable", cycle.ops_job_error)
        self.assertNotIn(self.emp_outsider, cycle.sudo().appraisal_ids.employee_id)
        with self.assertRaises(UserError):
            cycle.action_calibrate()
        # Who may not take the step may not retry it either.
        with self.assertRaises(UserError):
            cycle.with_user(self.user_employee).action_ops_retry_jobs()
        done = jobs - failed
        done_at = done.mapped("date_done")
        cycle.action_ops_retry_jobs()
        self.assertEqual(failed.state, "pending")
        self.assertEqual(done.state, "done")
        run_jobs(self.env, failed)
        self.assertEqual(failed.state, "done")
        self.assertEqual(done.mapped("date_done"), done_at)
        cycle.invalidate_recordset()
        self.assertEqual(cycle.ops_job_state, "done")
        self.assertIn(self.emp_outsider, cycle.sudo().appraisal_ids.employee_id)
        self.assertEqual(len(cycle.sudo().appraisal_ids), 4)

    def test_closing_is_queued_and_idempotent(self):
        cycle = self.cycle.with_env(self.env).with_user(self.user_hr)
        cycle.action_calibrate()
        cycle.action_publish()
        cycle.action_close()
        self.assertEqual(cycle.state, "closed")
        # The cycle of Studio's three people: one chunk.
        jobs = self._jobs("_ops_job_close")
        self.assertEqual(len(jobs), 1)
        self.assertTrue(all(a.state != "closed" for a in self.cycle.sudo().appraisal_ids))
        run_jobs(self.env, jobs)
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertEqual(set(self.cycle.sudo().appraisal_ids.mapped("state")), {"closed"})
        # Again: nothing to close, nothing fails.
        for job in jobs:
            self.assertEqual(cycle._ops_job_close(job.args[0]), "0 appraisals closed")


@tagged("post_install", "-at_install")
class TestReminderDigestJobs(AppraisalCommon):
    """The raters' reminder digests as OCA queue_job jobs on the mail
    channel: queued once, run, idempotent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=False))
        cls.cycle.write({"deadline": "2026-11-20", "reminder_days": 3})

    def _reminders(self):
        return self.env["mail.mail"].search(
            [("model", "=", "ops.appraisal.evaluation"), ("subject", "like", "Evaluations to give")]
        )

    def test_digests_are_jobs_sent_once(self):
        Evaluation = self.env["ops.appraisal.evaluation"]
        with freeze_time("2026-11-17 12:00:00"):
            Evaluation._cron_remind()
            Evaluation._cron_remind()  # again before the runner: one job
        job = ops_jobs(self.env, "ops.appraisal.evaluation", "_ops_job_remind")
        self.assertEqual(len(job), 1)
        self.assertEqual(job.channel, "root.ops.mail")
        self.assertFalse(self._reminders())
        with freeze_time("2026-11-17 12:05:00"):
            run_jobs(self.env, job)
        self.assertEqual(job.state, "done")
        mails = self._reminders()
        head = mails.filtered(lambda m: self.user_head.partner_id in m.recipient_ids)
        self.assertEqual(len(head), 1, "one digest per rater")
        # The job run again (a worker that died after committing): no mail twice.
        job.records._ops_job_remind()
        self.assertEqual(self._reminders(), mails)
