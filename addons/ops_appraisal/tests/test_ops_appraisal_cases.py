# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registry cases of ops_appraisal (``ops_cases.py``) are complete and
hold."""

from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OpsCasesCommon

WORKFLOW_MODELS = [
    "ops.appraisal",
    "ops.appraisal.bonus.sheet",
    "ops.appraisal.cycle",
    "ops.appraisal.evaluation",
    "ops.appraisal.honour",
    "ops.appraisal.improvement.plan",
]
# Models with decisions of ops_appraisal (on the mixin or not).
DECISION_MODELS = [
    *WORKFLOW_MODELS,
    "ops.appraisal.appeal.decision",
    "ops.appraisal.bonus.line",
    "ops.appraisal.evaluation.line",
    "hr.employee",
]


@tagged("post_install", "-at_install", "ops_access")
class TestAppraisalCases(OpsCasesCommon):
    ops_module = "ops_appraisal"
    ops_workflow_models = tuple(WORKFLOW_MODELS)
    ops_decision_models = tuple(DECISION_MODELS)

    def test_models_on_the_mixin(self):
        on_mixin = sorted(
            name
            for name in self.env.registry
            if name.startswith("ops.appraisal")
            and getattr(self.env[name], "_ops_workflow", False)
            and not self.env[name]._abstract
        )
        self.assertEqual(on_mixin, WORKFLOW_MODELS)
