# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ConfidentialityCommon


@tagged("post_install", "-at_install")
class TestInspectionViolation(ConfidentialityCommon):
    def test_inspection_flow(self):
        inspection = (
            self.env["ops.confidentiality.inspection"]
            .with_user(self.user_admin_officer)
            .create({"name": "Q1", "date_planned": date.today()})
        )
        inspection.action_start()
        self.assertEqual(inspection.state, "in_progress")
        self.assertEqual(len(inspection.line_ids), 6)
        with self.assertRaisesRegex(UserError, "result of every checklist item"):
            inspection.action_done()
        with self.assertRaises(ValidationError):
            inspection.line_ids[0].result = "finding"
        inspection.line_ids[0].write(
            {
                "result": "finding",
                "finding": "Unlocked drawer with client contracts",
                "responsible_id": self.user_hr.id,
            }
        )
        inspection.line_ids[1:].write({"result": "ok"})
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.finding_count, 1)
        self.assertEqual(inspection.activity_ids.user_id, self.user_hr)
        with self.assertRaisesRegex(UserError, "needs it In Progress"):
            inspection.action_done()

    def test_violation_case_flow(self):
        form = Form(self.env["ops.confidentiality.violation"].with_user(self.user_officer))
        form.employee_id = self.emp_uncleared
        form.description = "<p>Shared the unreleased trailer</p>"
        case = form.save()
        self.assertTrue(case.name.startswith("VIO/"))
        case.action_next()
        self.assertEqual(case.state, "investigation")
        with self.assertRaisesRegex(UserError, "findings of the investigation"):
            case.action_next()
        case.investigation = "<p>Confirmed by the forum logs</p>"
        case.action_next()
        with self.assertRaisesRegex(UserError, "decision and the penalty"):
            case.action_next()
        case.write({"decision": "<p>Written warning</p>", "penalty": "warning"})
        case.action_next()
        case.action_next()
        self.assertEqual(case.state, "closed")
        with self.assertRaisesRegex(UserError, "is closed"):
            case.action_next()
        self.assertEqual(self.emp_uncleared.ops_violation_count, 1)


@tagged("post_install", "-at_install")
class TestViolationDeadline(ConfidentialityCommon):
    """A violation case is decided by a date (policy §七(一)3: investigated
    promptly): the company's investigation days after it is reported; the
    officers other than the accused are reminded the company's reminder days
    before, once, by a daily job run twice at each moment."""

    def setUp(self):
        super().setUp()
        self.company = self.env.company
        self.company.write({"ops_violation_days": 10, "ops_violation_reminder_days": 3})
        with freeze_time("2027-03-01"):
            self.case = (
                self.env["ops.confidentiality.violation"]
                .with_user(self.user_officer)
                .create(
                    {
                        "employee_id": self.emp_uncleared.id,
                        "description": "<p>Shared the unreleased trailer</p>",
                    }
                )
            )

    def _run(self, day):
        with freeze_time(day):
            for _ in range(2):
                self.env["ops.confidentiality.violation"]._cron_remind_deadline()
        self.case.invalidate_recordset()

    def _todos(self, user):
        return self.case.activity_ids.filtered(lambda a: a.user_id == user)

    def test_due_after_the_companys_days_and_reminded_once_before(self):
        self.assertEqual(str(self.case.date_deadline), "2027-03-11")
        self._run("2027-03-07")
        self.assertFalse(self.case.reminder_date)
        self._run("2027-03-08")
        self.assertEqual(str(self.case.reminder_date), "2027-03-08")
        for officer in (self.user_officer, self.user_hr):
            with self.subTest(officer=officer.login):
                self.assertEqual(len(self._todos(officer)), 1)
        self.assertFalse(self._todos(self.user_uncleared))
        self._run("2027-03-20")
        self.assertEqual(len(self._todos(self.user_officer)), 1)

    def test_accused_officer_is_not_reminded_of_their_own_case(self):
        self.case.sudo().employee_id = self.user_hr.employee_id or self.env["hr.employee"].create(
            {"name": "HR", "user_id": self.user_hr.id}
        )
        self._run("2027-03-08")
        self.assertFalse(self._todos(self.user_hr))
        self.assertEqual(len(self._todos(self.user_officer)), 1)

    def test_decided_cases_are_not_reminded(self):
        case = self.case.with_user(self.user_officer)
        case.action_next()
        case.investigation = "<p>Confirmed</p>"
        case.action_next()
        self._run("2027-03-10")
        self.assertFalse(self.case.reminder_date)

    def test_date_set_by_officers_until_decided_reminder_by_the_job(self):
        self.case.with_user(self.user_officer).date_deadline = "2027-03-31"
        with self.assertRaises(UserError):
            self.case.with_user(self.user_officer).write({"reminder_date": "2027-03-02"})
        self.case.with_user(self.user_officer).action_next()
        self.case.with_user(self.user_officer).investigation = "<p>Confirmed</p>"
        self.case.with_user(self.user_officer).action_next()
        with self.assertRaises(UserError):
            self.case.with_user(self.user_officer).write({"date_deadline": "2027-04-30"})
