# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.ops_appraisal.tests.common import AppraisalCommon


@tagged("post_install", "-at_install", "ops_access")
class TestAppraisalConfidentiality(AppraisalCommon):
    """A secret appraisal result, and its evaluations, are seen only by
    users cleared for it who need to know (rule
    ops_confidentiality_rule_ops_appraisal and _ops_appraisal_evaluation)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ops.nda"].create({"employee_id": cls.emp_head.id, "date_signed": date.today()})
        cls.emp_head.ops_clearance = "secret"
        cls.appraisal.write(
            {"ops_level": "secret", "ops_need_to_know_user_ids": [(6, 0, cls.user_head.ids)]}
        )

    def test_secret_result_hidden_from_hr_without_clearance(self):
        Appraisal = self.env["ops.appraisal"].with_user(self.user_hr)
        self.assertNotIn(self.appraisal, Appraisal.search([]))
        self.assertIn(self.peer_appraisal, Appraisal.search([]))
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_hr).read(["employee_name"])
        evaluations = self.appraisal.evaluation_ids
        self.assertTrue(evaluations)
        self.assertFalse(
            self.env["ops.appraisal.evaluation"]
            .with_user(self.user_hr)
            .search([("id", "in", evaluations.ids)])
        )

    def test_secret_result_seen_by_the_cleared_head(self):
        Appraisal = self.env["ops.appraisal"].with_user(self.user_head)
        self.assertIn(self.appraisal, Appraisal.search([]))
        self.assertEqual(self.appraisal.with_user(self.user_head).ops_level, "secret")

    def test_internal_results_unchanged(self):
        self.assertEqual(self.peer_appraisal.ops_level, "internal")
        self.assertIn(
            self.peer_appraisal, self.env["ops.appraisal"].with_user(self.user_hr).search([])
        )
