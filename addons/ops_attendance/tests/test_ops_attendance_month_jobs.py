# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The month computed as OCA queue_job jobs, two employees per job: every
figure of ``TestAttendanceMonth`` again through the jobs, and the jobs
themselves — queued, shown on the month, retried alone, idempotent."""

from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_jobs, run_jobs

from .test_ops_attendance_month import TestAttendanceMonth


@tagged("post_install", "-at_install")
class TestAttendanceMonthJobs(TestAttendanceMonth):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=False))
        cls.month = cls.month.with_env(cls.env)
        cls.env["ir.config_parameter"].sudo().set_param("ops_attendance.chunk_size", 2)

    # Counts the queries of one inline computation: not a job's concern.
    test_queries_do_not_grow_with_employees = None

    def _jobs(self):
        return ops_jobs(self.env, "ops.attendance.month", "_ops_job_compute")

    def compute(self):
        """HR computes; the runner then runs the queued chunks."""
        self.month.with_user(self.user_hr).action_compute()
        run_jobs(self.env, self._jobs().filtered(lambda job: job.state == "pending"))
        self.month.invalidate_recordset()

    def test_queued_in_chunks_and_shown_on_the_month(self):
        month = self.month.with_user(self.user_hr)
        month.action_compute()
        jobs = self._jobs()
        people = len(month._ops_employees())
        self.assertEqual(len(jobs), (people + 1) // 2)
        self.assertEqual(set(jobs.mapped("channel")), {"root.ops.hr"})
        self.assertEqual(set(jobs.mapped("user_id")), {self.user_hr})
        self.assertFalse(month.line_ids)
        self.assertEqual(month.ops_job_state, "running")
        # Nothing is published half computed.
        with self.assertRaises(UserError):
            month.action_publish()
        run_jobs(self.env, jobs)
        month.invalidate_recordset()
        self.assertEqual((month.ops_job_state, month.ops_job_progress), ("done", 100.0))
        self.assertEqual(len(month.line_ids), people)
        month.action_publish()
        self.assertEqual(month.state, "published")

    def test_chunk_run_twice_writes_its_lines_once(self):
        self.compute()
        figures = {
            line.employee_id: (line.worked_days, line.late_minutes, line.leave_days)
            for line in self.month.line_ids
        }
        for job in self._jobs():
            self.month._ops_job_compute(job.args[0])
        self.month.invalidate_recordset()
        self.assertEqual(len(self.month.line_ids), len(figures))
        for line in self.month.line_ids:
            self.assertEqual(
                (line.worked_days, line.late_minutes, line.leave_days), figures[line.employee_id]
            )

    def test_failed_chunk_is_retried_alone(self):
        month = self.month.with_user(self.user_hr)
        month.action_compute()
        jobs = self._jobs()
        Month = type(self.env["ops.attendance.month"])
        original = Month._ops_compute
        target = jobs[-1].args[0]

        def fail_last(record, employee_ids=None):
            if employee_ids == target:
                raise UserError("The time clock export is being rewritten")
            return original(record, employee_ids)

        with patch.object(Month, "_ops_compute", fail_last):
            run_jobs(self.env, jobs)
        self.assertEqual(jobs[-1].state, "failed")
        month.invalidate_recordset()
        self.assertEqual(month.ops_job_state, "failed")
        self.assertIn("time clock", month.ops_job_error)
        lines_before = month.line_ids
        self.assertEqual(
            set(lines_before.employee_id.ids), {i for job in jobs[:-1] for i in job.args[0]}
        )
        with self.assertRaises(UserError):
            month.action_publish()
        month.action_ops_retry_jobs()
        self.assertEqual(jobs[:-1].mapped("state"), ["done"] * (len(jobs) - 1))
        run_jobs(self.env, jobs.filtered(lambda job: job.state == "pending"))
        month.invalidate_recordset()
        self.assertEqual(month.ops_job_state, "done")
        # The chunks done were not redone: their lines are the same records.
        self.assertLess(lines_before, month.line_ids)
        self.assertEqual(len(month.line_ids), len(month._ops_employees()))
