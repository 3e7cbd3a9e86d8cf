# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import LifecycleCommon


@tagged("post_install", "-at_install")
class TestOperationsAnalysis(LifecycleCommon):
    """Policy §三(一)7 (定期): a project in operation and maintenance gets an
    operations-analysis deliverable for each period of its company (monthly
    here), due ten days into the next period, with a to-do for the head of
    Operations. The project enters operation on 10 January 2027; the daily
    job runs twice each time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"ops_operations_analysis_months": 1, "ops_operations_analysis_days": 10})
        cls.user_ops_head = cls.user_member_2
        cls.operations = cls.env.ref("ops_org.hr_department_operations")
        cls.operations.manager_id = cls.env["hr.employee"].create(
            {"name": "Operations Head", "user_id": cls.user_ops_head.id}
        )
        cls.dtype = cls.env.ref(
            "ops_project_lifecycle.ops_project_deliverable_type_operations_analysis"
        )

    def setUp(self):
        super().setUp()
        with freeze_time("2027-01-10 09:00:00"):
            self.walk_to("operation")
        self.operation_gate = self.gate()
        self.assertEqual(self.operation_gate.phase, "operation")

    def _run(self, day):
        Project = self.env["project.project"].sudo()  # as the scheduler (superuser)
        with freeze_time(day):
            for _ in range(2):
                Project._cron_operations_analysis()
        return self.env["ops.project.deliverable"].search(
            [("project_id", "=", self.project.id), ("type_id", "=", self.dtype.id)],
            order="period_start",
        )

    def test_one_analysis_per_period(self):
        self.assertFalse(self._run("2027-01-31 12:00:00"), "the period is not over")
        first = self._run("2027-02-01 06:00:00")
        self.assertEqual(len(first), 1, "once when the period ends")
        self.assertEqual(first.gate_id, self.operation_gate)
        self.assertEqual(str(first.period_start), "2027-01-10", "from entering operation")
        self.assertEqual(str(first.period_end), "2027-01-31")
        self.assertEqual(str(first.date_deadline), "2027-02-11")
        self.assertEqual(first.activity_ids.user_id, self.user_ops_head)
        self.assertEqual(str(first.activity_ids.date_deadline), "2027-02-11")
        self.assertEqual(self._run("2027-02-20 06:00:00"), first, "nothing more in February")
        both = self._run("2027-03-01 06:00:00")
        self.assertEqual(len(both), 2)
        self.assertEqual(str(both[1].period_start), "2027-02-01")
        self.assertEqual(str(both[1].period_end), "2027-02-28")

    def test_quarterly_period(self):
        self.company.ops_operations_analysis_months = 3
        self.assertFalse(self._run("2027-03-31 12:00:00"))
        analysis = self._run("2027-04-01 06:00:00")
        self.assertEqual(len(analysis), 1)
        self.assertEqual(str(analysis.period_start), "2027-01-10")
        self.assertEqual(str(analysis.period_end), "2027-03-31")
        self.assertEqual(self._run("2027-06-30 06:00:00"), analysis)

    def test_without_an_operations_head_the_lead_is_asked(self):
        self.operations.manager_id = False
        self.operation_gate.invalidate_recordset()
        analysis = self._run("2027-02-01 06:00:00")
        self.assertEqual(analysis.activity_ids.user_id, self.user_lead)

    def test_completed_with_its_findings_and_the_todo_done(self):
        analysis = self._run("2027-02-01 06:00:00")
        as_member = analysis.with_user(self.user_member)
        self.assertRefused(as_member.action_done)
        as_member.write(
            {
                "metrics_summary": "<p>DAU 12,000</p>",
                "effect_assessment": "<p>Retention up</p>",
                "recommendations": "<p>Shorter onboarding</p>",
            }
        )
        as_member.action_done()
        self.assertEqual(analysis.state, "done")
        self.assertFalse(analysis.activity_ids)

    def test_the_period_is_the_jobs(self):
        analysis = self._run("2027-02-01 06:00:00")
        for user in (self.user_member, self.user_lead):
            self.assertRefused(analysis.with_user(user).write, {"period_end": "2027-02-28"})
        self.assertRefused(
            self.env["ops.project.deliverable"].with_user(self.user_member).create,
            {
                "gate_id": self.operation_gate.id,
                "type_id": self.dtype.id,
                "name": "Forged",
                "period_start": "2027-02-01",
                "period_end": "2027-02-28",
            },
        )

    def test_no_analysis_outside_operation_or_under_review(self):
        self.company.ops_operations_analysis_months = 0
        self.assertFalse(self._run("2027-02-01 06:00:00"), "switched off")
        self.company.ops_operations_analysis_months = 1
        self.complete_deliverables(self.operation_gate)
        self.operation_gate.with_user(self.user_lead).action_submit()
        self.assertFalse(self._run("2027-02-01 06:00:00"), "the gate is under review")
        self.approve_all(self.operation_gate)
        self.assertEqual(self.project.ops_phase, "acceptance")
        self.assertFalse(self._run("2027-03-01 06:00:00"), "the project left operation")

    def test_period_must_divide_the_year(self):
        for months in (5, 7):
            with self.assertRaises(ValidationError):
                self.company.ops_operations_analysis_months = months
