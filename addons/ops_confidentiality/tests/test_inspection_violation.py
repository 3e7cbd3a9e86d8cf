# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

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
