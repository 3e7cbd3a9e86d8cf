# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15: who may read a result is decided about the appraised employee;
nobody classifies their own result nor names who needs to know it."""

from datetime import date

from odoo.tests import tagged

from odoo.addons.ops_appraisal.tests.common import AppraisalCommon
from odoo.addons.ops_org.tests.common import OPS_DECISION_CASES

from . import ops_cases  # noqa: F401 - fills the registries


@tagged("post_install", "-at_install", "ops_access")
class TestAppraisalClassificationRules(AppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The head is cleared for secret results; their own appraisal is in
        # their department, which they read and write.
        cls.env["ops.nda"].create({"employee_id": cls.emp_head.id, "date_signed": date.today()})
        cls.emp_head.ops_clearance = "secret"
        cls.head_appraisal = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_head
        )

    def test_head_cannot_hide_their_own_result(self):
        own = self.head_appraisal.with_user(self.user_head)
        self.assertRefused(own.write, {"ops_level": "secret"})
        self.assertRefused(own.write, {"ops_need_to_know_user_ids": [(6, 0, self.user_head.ids)]})
        self.assertRefused(
            own.write, {"ops_need_to_know_department_ids": [(6, 0, self.department.ids)]}
        )
        self.assertEqual(self.head_appraisal.ops_level, "internal")
        self.assertFalse(self.head_appraisal.ops_need_to_know_user_ids)
        # Their department's results they classify.
        self.appraisal.with_user(self.user_head).write({"ops_level": "confidential"})
        self.assertEqual(self.appraisal.ops_level, "confidential")

    def test_cases_refused_to_the_appraised_employee(self):
        for entry in (
            "field:ops_level",
            "field:ops_need_to_know_user_ids",
            "field:ops_need_to_know_department_ids",
        ):
            with self.subTest(entry=entry):
                self.assertRefused(OPS_DECISION_CASES[("ops.appraisal", entry)](self))
