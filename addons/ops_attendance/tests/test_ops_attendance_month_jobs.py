# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The month computed as OCA queue_job jobs, two employees per job: the
same figures as computed in one go, and the jobs themselves — queued, shown
on the month, retried alone, idempotent."""

from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_jobs, run_jobs

from .common import AttendanceCommon


@tagged("post_install", "-at_install")
class TestAttendanceMonthJobs(AttendanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=False))
        cls.env["ir.config_parameter"].sudo().set_param("ops_attendance.chunk_size", 2)
        days = cls.working_days(2026, 3)
        cls.attend(cls.emp_employee, days)
        for index, start in enumerate(((9, 0), (9, 30), (10, 0), (9, 45))):
            employee = cls.make_employee(f"Staff {index}")
            cls.attend(employee, [d for d in days if d != date(2026, 3, 6 + index)], start=start)
        cls.month = cls.env["ops.attendance.month"].create(
            {"date_from": "2026-03-01", "company_id": cls.company.id}
        )

    def _jobs(self):
        return ops_jobs(self.env, "ops.attendance.month", "_ops_job_compute")

    def _figures(self):
        self.month.invalidate_recordset()
        return {
            line.employee_id: (
                line.planned_days,
                line.worked_days,
                line.absence_days,
                line.late_count,
                line.late_minutes,
            )
            for line in self.month.line_ids
        }

    def compute(self):
        """HR computes; the runner then runs the queued chunks."""
        self.month.with_user(self.user_hr).action_compute()
        run_jobs(self.env, self._jobs().filtered(lambda job: job.state == "pending"))
        self.month.invalidate_recordset()

    def test_same_figures_as_in_one_go(self):
        self.compute()
        by_jobs = self._figures()
        self.assertEqual(len(by_jobs), len(self.month._ops_employees()))
        self.assertGreater(len(self._jobs()), 2)
        self.month.with_user(self.user_hr).with_context(queue_job__no_delay=True).action_compute()
        self.assertEqual(self._figures(), by_jobs)
        late = [figures for figures in by_jobs.values() if figures[3]]
        self.assertEqual(len(late), 3, "three of the staff came late")

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
                raise ConnectionError("The time clock export is being rewritten")
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
