# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules of SPEC §5.1, proved by walking the registry: a model or a
method added tomorrow is caught here, not by a reviewer.

* every stateful model of the suite, and every model under tier validation,
  takes ``ops.workflow.mixin``;
* every workflow-owned field of every such model is refused on create and
  write outside its steps to a user holding every Operations role;
* every public ``action_*`` method of our classes is declared a decision or
  harmless, and every decision (methods and decision fields) is refused to
  the person it is about (the cases come from each addon's
  ``tests/ops_cases.py``);
* ``tier.review`` rows of suite documents are refused to non-superusers;
* every shipped approval chain decided out of order is refused.
"""

import ast
import inspect
import re
import textwrap
from datetime import timedelta
from pathlib import Path

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.ops_org.models.ops_workflow_mixin import ops_workflow_grant
from odoo.addons.ops_org.tests.common import (
    OPS_DECISION_CASES,
    OPS_SAMPLES,
    OpsOrgCommon,
    declared,
    load_ops_cases,
    ops_user,
)

OPS_ROLES = [
    "ops_org.ops_org_group_employee",
    "ops_org.ops_org_group_department_head",
    "ops_org.ops_org_group_project_lead",
    "ops_org.ops_org_group_hr",
    "ops_org.ops_org_group_finance",
    "ops_org.ops_org_group_administration",
    "ops_org.ops_org_group_confidentiality",
    "ops_org.ops_org_group_leadership",
]

# The tier entry points of OCA and of ops_org that decide a step.
TIER_DECISIONS = ("validate_tier", "reject_tier")


def ours(cls):
    return cls.__module__.startswith("odoo.addons.ops_")


def our_public_actions(model):
    """Public ``action_*`` methods that a class of ours defines."""
    names = set()
    for cls in type(model).__mro__:
        if not ours(cls):
            continue
        for name, value in cls.__dict__.items():
            if name.startswith("action_") and callable(value):
                names.add(name)
    return names


def suite_models(env):
    """Models with a class of ours, by name (transient models included)."""
    result = {}
    for name in env.registry:
        model = env[name]
        if model._abstract:
            continue
        if any(ours(cls) for cls in type(model).__mro__):
            result[name] = model
    return result


def other_value(env, record, name, current=None):
    """A value for field ``name`` different from ``current`` (default: the
    record's value)."""
    field = record._fields[name]
    if current is None:
        current = record[name]
    if field.type == "selection":
        return [v for v in field.get_values(env) if v != current][-1]
    if field.type == "many2one":
        current_id = current.id if hasattr(current, "id") else current
        other = env[field.comodel_name].sudo().search([("id", "!=", current_id or 0)], limit=1)
        return other.id
    if field.type in ("one2many", "many2many"):
        if current:
            return [Command.clear()]
        if field.type == "many2many":
            return [Command.link(env[field.comodel_name].sudo().search([], limit=1).id)]
        return [Command.create({})]
    if field.type == "boolean":
        return not current
    if field.type in ("integer", "float", "monetary"):
        return (current or 0) + 1
    if field.type == "date":
        return fields.Date.to_string((current or fields.Date.today()) + timedelta(days=1))
    if field.type == "datetime":
        return fields.Datetime.to_string((current or fields.Datetime.now()) + timedelta(days=1))
    return f"{current or ''} forged"


def default_value(model, name):
    """The value a new record of ``model`` takes for field ``name``."""
    field = model._fields[name]
    value = field.default(model) if field.default else False
    if field.type in ("one2many", "many2many"):
        return model.env[field.comodel_name]
    return value


@tagged("post_install", "-at_install", "ops_access", "ops_rules")
class TestSuiteRules(OpsOrgCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_ops_cases(cls.env)
        cls.user_all = ops_user(cls.env, "ops_all_roles", ",".join(OPS_ROLES), cls.company)
        cls.env["hr.employee"].create({"name": "All Roles", "user_id": cls.user_all.id})
        cls.models = suite_models(cls.env)

    def _workflow_models(self):
        return {
            name: model
            for name, model in self.models.items()
            if getattr(model, "_ops_workflow", False) and not model._transient
        }

    # -- who takes part ---------------------------------------------------

    def test_stateful_and_tier_models_take_the_workflow(self):
        """A model of ours with a state, and every model under tier
        validation, takes ops.workflow.mixin."""
        TierValidation = type(self.env["tier.validation"])
        missing = []
        for name, model in self.models.items():
            if model._transient or getattr(model, "_ops_workflow", False):
                continue
            stateful = name.startswith("ops.") and (
                model._fields.get("state") and not model._fields["state"].related
            )
            tiered = isinstance(model, TierValidation)
            if stateful or tiered:
                missing.append(name)
        self.assertFalse(missing, "models outside the workflow rules")

    def test_every_workflow_model_has_a_sample(self):
        missing = sorted(set(self._workflow_models()) - set(OPS_SAMPLES))
        self.assertFalse(missing, "workflow models without an ops_sample in tests/ops_cases.py")

    # -- workflow-owned fields --------------------------------------------

    def test_workflow_fields_refused_outside_their_steps(self):
        """Every workflow-owned field of every workflow model, as a user
        holding every Operations role: a write that changes it is refused
        and leaves it as it was; a create that sets it to anything but its
        default is refused, by the mixin's own check whatever the model's
        other checks answer first."""
        checked = 0
        for name in sorted(self._workflow_models()):
            if name not in OPS_SAMPLES:
                continue
            record = OPS_SAMPLES[name](self)
            self.assertEqual(record._name, name)
            Model = self.env[name].with_user(self.user_all)
            base_vals = record.copy_data()[0]
            for fname in sorted(record._ops_owned_fields()):
                with self.subTest(model=name, field=fname):
                    before = record[fname]
                    value = other_value(self.env, record, fname)
                    self.assertRefused(record.with_user(self.user_all).write, {fname: value})
                    record.invalidate_recordset()
                    self.assertEqual(record[fname], before)
                    vals = dict(base_vals)
                    vals[fname] = other_value(
                        self.env, Model.browse(), fname, default_value(Model, fname)
                    )
                    error = self.assertRefused(Model._ops_check_owned_create, [vals])
                    self.assertIn("changes only through the steps", str(error))
                    checked += 1
        self.assertGreater(checked, 60)

    # -- decisions --------------------------------------------------------

    def test_every_public_action_is_declared(self):
        undeclared = []
        for name, model in sorted(self.models.items()):
            listed = declared(model, "_ops_decision_methods") | declared(
                model, "_ops_harmless_methods"
            )
            for method in sorted(our_public_actions(model) - listed):
                undeclared.append(f"{name}.{method}")
        self.assertFalse(undeclared, "public actions neither decisions nor declared harmless")

    def _decisions(self):
        entries = set()
        TierValidation = type(self.env["tier.validation"])
        for name, model in self.models.items():
            entries |= {(name, m) for m in declared(model, "_ops_decision_methods")}
            entries |= {(name, f"field:{f}") for f in model._ops_decision_field_names()}
            if getattr(model, "_ops_workflow", False) and isinstance(model, TierValidation):
                entries |= {(name, m) for m in TIER_DECISIONS}
        return entries

    def test_every_decision_has_a_case(self):
        missing = sorted(f"{m} {e}" for m, e in self._decisions() - set(OPS_DECISION_CASES))
        self.assertFalse(missing, "decisions without an ops_decision_case")

    @mute_logger("odoo.models.unlink")
    def test_every_decision_is_refused_to_the_person_it_is_about(self):
        for model, entry in sorted(self._decisions() & set(OPS_DECISION_CASES)):
            with self.subTest(model=model, entry=entry):
                call = OPS_DECISION_CASES[(model, entry)](self)
                error = self.assertRefused(call)
                self.assertIsInstance(error, UserError)

    # -- reviews ----------------------------------------------------------

    def test_reviews_of_every_suite_document_refused_to_users(self):
        Definition = self.env["tier.definition"].sudo()
        TierValidation = type(self.env["tier.validation"])
        for name in sorted(self._workflow_models()):
            model = self.env[name]
            if not isinstance(model, TierValidation) or name not in OPS_SAMPLES:
                continue
            with self.subTest(model=name):
                record = OPS_SAMPLES[name](self)
                definition = Definition.search([("model", "=", name)], limit=1)
                self.assertTrue(definition, f"no shipped authority for {name}")
                with ops_workflow_grant("tier.review"):
                    review = self.env["tier.review"].create(
                        record._prepare_tier_review_vals(definition, 1)
                    )
                Review = self.env["tier.review"].with_user(self.user_all)
                self.assertRefused(
                    review.with_user(self.user_all).write,
                    {"status": "approved", "done_by": self.user_all.id},
                )
                self.assertRefused(review.with_user(self.user_all).unlink)
                self.assertRefused(Review.create, record._prepare_tier_review_vals(definition, 2))
                self.assertIn(review.status, ("waiting", "pending"))

    def test_shipped_chains_decided_out_of_order_are_refused(self):
        Definition = self.env["tier.definition"].sudo()
        chains = 0
        for name in sorted(self._workflow_models()):
            definitions = Definition.search([("model", "=", name)], order="sequence desc")
            if len(definitions) < 2 or name not in OPS_SAMPLES:
                continue
            with self.subTest(model=name):
                record = OPS_SAMPLES[name](self)
                with ops_workflow_grant("tier.review"):
                    reviews = self.env["tier.review"].create(
                        [
                            record._prepare_tier_review_vals(definition, sequence)
                            for sequence, definition in enumerate(definitions, start=1)
                        ]
                    )
                    reviews._compute_can_review()
                first, later = reviews[0], reviews[1:]
                for review in later:
                    reviewer = self._reviewer_not_in(review, first, record)
                    self.assertRefused(record.with_user(reviewer)._ops_approve, reviews=review)
                    self.assertRefused(
                        self.env["comment.wizard"]
                        .with_user(reviewer)
                        .create(
                            {
                                "res_model": name,
                                "res_id": record.id,
                                "review_ids": [Command.set(review.ids)],
                                "validate_reject": "validate",
                                "comment": "out of order",
                            }
                        )
                        .add_comment
                    )
                    self.assertIn(review.status, ("waiting", "pending"))
                chains += 1
        self.assertGreaterEqual(chains, 3)

    def _reviewer_not_in(self, review, first, record):
        """A user who may review ``review`` but not ``first``: one of its
        reviewers, or a new member of its reviewing group."""
        concerned = record._ops_concerned_users()
        candidates = review.reviewer_ids - first.reviewer_ids - concerned
        if candidates:
            return candidates[:1]
        definition = review.definition_id
        self.assertEqual(
            definition.review_type, "group", f"no reviewer to try {definition.name} with"
        )
        user = ops_user(
            self.env, f"ops_order_{review.id}", "ops_org.ops_org_group_employee", self.company
        )
        definition.reviewer_group_id.sudo().users = [Command.link(user.id)]
        review.invalidate_recordset(["reviewer_ids"])
        self.assertIn(user, review.reviewer_ids)
        return user


def public_methods_of_ours(env):
    """(model, method name, function) of every public method our classes
    define on models — what XML-RPC and JSON-RPC can call."""
    seen = set()
    for name in env.registry:
        for cls in type(env[name]).__mro__:
            if not ours(cls) or cls in seen:
                continue
            seen.add(cls)
            for attr, value in cls.__dict__.items():
                if attr.startswith("_") or not inspect.isfunction(value):
                    continue
                yield name, attr, value


@tagged("post_install", "-at_install", "ops_rules")
class TestSuiteMethods(OpsOrgCommon):
    """What every public method of ours gives an RPC caller."""

    def test_every_public_method_returns_what_rpc_can_carry(self):
        """XML-RPC cannot marshal None: a public method that returns nothing
        answers a Fault after its transaction committed. Every method an
        RPC caller can reach returns a value on every path (or is
        @api.private)."""
        offenders = []
        for model, name, function in public_methods_of_ours(self.env):
            if getattr(function, "_api_private", False):
                continue
            source = textwrap.dedent(inspect.getsource(function))
            tree = ast.parse(source).body[0]
            bare = [
                node
                for node in ast.walk(tree)
                if isinstance(node, ast.Return)
                and node.value is None
                and self._owner(tree, node) is tree
            ]
            if bare or not self._ends_returning(tree.body):
                offenders.append(f"{model}.{name}")
        self.assertFalse(sorted(set(offenders)), "public methods that may return None")

    @classmethod
    def _ends_returning(cls, body):
        """Whether every path through ``body`` ends in return or raise."""
        last = body[-1] if body else None
        if isinstance(last, ast.Return | ast.Raise):
            return True
        if isinstance(last, ast.With):
            return cls._ends_returning(last.body)
        if isinstance(last, ast.If):
            return cls._ends_returning(last.body) and cls._ends_returning(last.orelse)
        if isinstance(last, ast.Try):
            return cls._ends_returning(last.body + last.orelse) and all(
                cls._ends_returning(handler.body) for handler in last.handlers
            )
        return False

    @staticmethod
    def _owner(tree, target):
        """The innermost function definition holding ``target``."""
        owner = tree
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.Lambda) and node is not tree:
                if any(child is target for child in ast.walk(node)):
                    owner = node
        return owner

    def test_every_action_is_reachable(self):
        """Every action_* method of ours is called from a view button of its
        model, a cron or server action of its model, a wizard or another
        method (Python or the web client's JavaScript)."""
        addons = Path(__file__).resolve().parents[2]
        code = []
        for path in addons.glob("ops_*/**/*"):
            if path.suffix in (".py", ".js") and "tests" not in path.parts:
                code.append(path.read_text(encoding="utf-8"))
        code = "\n".join(code)
        Views = self.env["ir.ui.view"].sudo().with_context(active_test=False)
        Servers = self.env["ir.actions.server"].sudo().with_context(active_test=False)
        unreachable = []
        for model_name, model in sorted(suite_models(self.env).items()):
            names = {model_name} | set(model._inherit_children)
            arch = "\n".join(Views.search([("model", "in", list(names))]).mapped("arch_db"))
            server = "\n".join(
                c for c in Servers.search([("model_name", "in", list(names))]).mapped("code") if c
            )
            for method in sorted(our_public_actions(model)):
                if re.search(rf"""name=["']{method}["']""", arch):
                    continue
                if re.search(rf"\b{method}\(", server):
                    continue
                calls = re.findall(rf"""(\.{method}\(|["']{method}["'])""", code)
                if calls:
                    continue
                unreachable.append(f"{model_name}.{method}")
        self.assertFalse(unreachable, "actions nothing calls")
