# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registry cases of ops_project_lifecycle (``ops_cases.py``) are
complete and hold."""

from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OPS_SAMPLES, OpsCasesCommon


@tagged("post_install", "-at_install", "ops_access")
class TestLifecycleCases(OpsCasesCommon):
    ops_module = "ops_project_lifecycle"
    ops_workflow_models = (
        "ops.project.change.request",
        "ops.project.deliverable",
        "ops.project.gate",
        "project.project",
    )

    def test_a_sample_project_starts_in_initiation(self):
        self.assertEqual(OPS_SAMPLES["project.project"](self).ops_phase, "initiation")
