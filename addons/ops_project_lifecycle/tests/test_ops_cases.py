# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The registry cases of this addon (``ops_cases.py``) are complete and
hold: a sample per model on the workflow mixin, in its first state; a case
per declared decision, refused to the person the decision is about."""

from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OPS_DECISION_CASES, OPS_SAMPLES, OpsOrgCommon

from . import ops_cases  # noqa: F401 - fills the registries

MODULE = "ops_project_lifecycle"
# Stock models this addon puts on the mixin.
EXTENDED = ("project.project",)


@tagged("post_install", "-at_install", "ops_access")
class TestOpsCases(OpsOrgCommon):
    def _models(self):
        ours = (
            self.env["ir.model.data"]
            .search([("module", "=", MODULE), ("model", "=", "ir.model")])
            .mapped(lambda d: self.env["ir.model"].browse(d.res_id).model)
        )
        return [
            name
            for name in sorted(set(ours) | set(EXTENDED))
            if getattr(self.env[name], "_ops_workflow", False)
        ]

    def test_models_on_the_mixin(self):
        self.assertEqual(
            self._models(),
            [
                "ops.project.change.request",
                "ops.project.deliverable",
                "ops.project.gate",
                "project.project",
            ],
        )

    def test_every_model_has_a_sample_in_its_first_state(self):
        for name in self._models():
            with self.subTest(model=name):
                self.assertIn(name, OPS_SAMPLES)
                record = OPS_SAMPLES[name](self)
                self.assertEqual(record._name, name)
                state = record._ops_state_field
                if state:
                    self.assertEqual(record[state], record._fields[state].default(record))
                else:
                    self.assertEqual(record.ops_phase, "initiation")

    def test_every_decision_is_refused_to_its_subject(self):
        for name in self._models():
            Model = self.env[name]
            # Only this addon's declarations: other addons extending the
            # same stock model bring their own cases.
            methods = [] if name in EXTENDED else list(Model._ops_decision_methods)
            entries = methods + [
                f"field:{f}"
                for f in sorted(Model._ops_decision_field_names())
                if Model._fields[f]._module == MODULE
            ]
            for entry in entries:
                with self.subTest(model=name, entry=entry):
                    self.assertIn((name, entry), OPS_DECISION_CASES)
                    call = OPS_DECISION_CASES[(name, entry)](self)
                    self.assertRefused(call)
