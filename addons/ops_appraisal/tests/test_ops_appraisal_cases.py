# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The registry cases of ops_appraisal (``ops_cases.py``) are complete and
hold: a sample per model on the workflow mixin, in its first state; a case
per declared decision, refused to the person the decision is about."""

import importlib

from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OPS_DECISION_CASES, OPS_SAMPLES, OpsOrgCommon

from . import ops_cases  # noqa: F401 - fills the registries

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
TIER_DECISIONS = ("validate_tier", "reject_tier")


def load_installed_cases(env):
    """Other installed addons add decisions to these models (the
    classification of a result): their cases too."""
    modules = env["ir.module.module"].search(
        [("name", "=like", "ops\\_%"), ("state", "=", "installed")]
    )
    for module in modules:
        try:
            importlib.import_module(f"odoo.addons.{module.name}.tests.ops_cases")
        except ModuleNotFoundError as error:
            if error.name != f"odoo.addons.{module.name}.tests.ops_cases":
                raise


def declared(model, attribute):
    names = set()
    for cls in type(model).__mro__:
        names |= set(cls.__dict__.get(attribute, ()))
    return names


@tagged("post_install", "-at_install", "ops_access")
class TestAppraisalCases(OpsOrgCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_installed_cases(cls.env)

    def test_models_on_the_mixin(self):
        on_mixin = sorted(
            name
            for name in self.env.registry
            if name.startswith("ops.appraisal")
            and getattr(self.env[name], "_ops_workflow", False)
            and not self.env[name]._abstract
        )
        self.assertEqual(on_mixin, WORKFLOW_MODELS)

    def test_every_model_has_a_sample_in_its_first_state(self):
        for name in WORKFLOW_MODELS:
            with self.subTest(model=name):
                self.assertIn(name, OPS_SAMPLES)
                record = OPS_SAMPLES[name](self)
                self.assertEqual(record._name, name)
                state = record._ops_state_field
                self.assertEqual(record[state], record._fields[state].default(record))

    def _entries(self, name):
        Model = self.env[name]
        entries = set(declared(Model, "_ops_decision_methods"))
        entries |= {f"field:{f}" for f in Model._ops_decision_field_names()}
        if getattr(Model, "_ops_workflow", False) and "review_ids" in Model._fields:
            entries |= set(TIER_DECISIONS)
        return sorted(entries)

    def test_every_decision_is_refused_to_its_subject(self):
        checked = 0
        for name in DECISION_MODELS:
            for entry in self._entries(name):
                if name == "hr.employee" and entry != "field:ops_bonus_base":
                    continue  # the employee's other decisions belong to other addons
                with self.subTest(model=name, entry=entry):
                    self.assertIn((name, entry), OPS_DECISION_CASES)
                    call = OPS_DECISION_CASES[(name, entry)](self)
                    self.assertRefused(call)
                    checked += 1
        self.assertGreaterEqual(checked, 26)
