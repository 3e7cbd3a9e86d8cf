# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The same rules over the wire: a user logged in like the web client or
the mobile app, calling the server's JSON-RPC endpoint with any model,
method and arguments, cannot forge a review or write a state."""

import json
import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.ops_org.models.ops_workflow_mixin import ops_workflow_grant
from odoo.addons.ops_org.tests.common import OPS_SAMPLES, OpsOrgCommon, load_ops_cases, ops_user

from .test_suite_rules import OPS_ROLES, other_value, suite_models


@tagged("post_install", "-at_install", "ops_access", "ops_rules")
class TestSuiteOverJsonRpc(OpsOrgCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_ops_cases(cls.env)
        cls.user_all = ops_user(cls.env, "ops_rpc_all", ",".join(OPS_ROLES), cls.company)
        cls.env["hr.employee"].create({"name": "RPC All Roles", "user_id": cls.user_all.id})

    def call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _samples(self):
        for name, model in sorted(suite_models(self.env).items()):
            if getattr(model, "_ops_workflow", False) and name in OPS_SAMPLES:
                yield name, model

    def test_states_refused_over_json_rpc(self):
        self.authenticate("ops_rpc_all", "ops_rpc_all")
        checked = 0
        for name, model in self._samples():
            state = model._ops_state_field
            if not state or state not in model._fields:
                continue
            record = OPS_SAMPLES[name](self)
            before = record[state]
            value = other_value(self.env, record, state)
            with self.subTest(model=name):
                with self.assertRaises(JsonRpcException) as caught:
                    self.call_kw(name, "write", [record.ids, {state: value}])
                self.assertRegex(
                    str(caught.exception), r"odoo\.exceptions\.(AccessError|UserError)"
                )
                record.invalidate_recordset()
                self.assertEqual(record[state], before)
                vals = json.loads(json.dumps(record.copy_data()[0], default=str))
                with self.assertRaises(JsonRpcException):
                    self.call_kw(name, "create", [{**vals, state: value}])
                checked += 1
        self.assertGreater(checked, 10)

    def test_reviews_refused_over_json_rpc(self):
        self.authenticate("ops_rpc_all", "ops_rpc_all")
        Definition = self.env["tier.definition"].sudo()
        checked = 0
        for name, model in self._samples():
            if "review_ids" not in model._fields:
                continue
            definition = Definition.search([("model", "=", name)], limit=1)
            if not definition:
                continue
            record = OPS_SAMPLES[name](self)
            with ops_workflow_grant("tier.review"):
                review = self.env["tier.review"].create(
                    record._prepare_tier_review_vals(definition, 1)
                )
            with self.subTest(model=name):
                for method, args in (
                    ("write", [review.ids, {"status": "approved", "done_by": self.user_all.id}]),
                    ("unlink", [review.ids]),
                    ("create", [record._prepare_tier_review_vals(definition, 2)]),
                ):
                    with self.assertRaises(JsonRpcException):
                        self.call_kw("tier.review", method, args)
                review.invalidate_recordset()
                self.assertTrue(review.exists())
                self.assertIn(review.status, ("waiting", "pending"))
                with self.assertRaises(JsonRpcException):
                    self.call_kw(name, "write", [record.ids, {"validation_status": "validated"}])
                checked += 1
        self.assertGreater(checked, 3)

    def test_xml_rpc_answers_a_step(self):
        """A step called over XML-RPC answers a value XML-RPC can carry."""
        for name, _model in self._samples():
            record = OPS_SAMPLES[name](self)
            harmless = [
                m
                for m in sorted(type(record)._ops_harmless_methods)
                if m.startswith("action_open") or m.startswith("action_view")
            ]
            if not harmless:
                continue
            proxy = xmlrpc.client.ServerProxy(f"{self.base_url()}/xmlrpc/2/object")
            result = proxy.execute_kw(
                self.env.cr.dbname, self.user_all.id, "ops_rpc_all", name, harmless[0], [record.ids]
            )
            self.assertTrue(result)
            return
        self.fail("no harmless opening action to call")
