# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import random
import uuid

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

from odoo.addons.ops_org.tests.common import (
    OPS_TEST_CONTEXT,
    ops_user,
    race,
    remove_committed_users,
)


@tagged("post_install", "-at_install", "ops_concurrency")
class TestBudgetAdjustmentConcurrency(TransactionCase):
    """Two leaders decide budget adjustments of the same budget line at the
    same moment, each in a database transaction of their own: the same tier
    gets one decision, a request is applied once, and two cuts together
    never go beyond what remains of the line.

    The two transactions need data both can see, so the test commits its
    own records in a cursor of its own and removes them at the end."""

    def _env(self, cr, uid=SUPERUSER_ID):
        return api.Environment(cr, uid, dict(OPS_TEST_CONTEXT))

    def _setup_committed(self, amounts):
        """A department with a 1000 line in an approved budget, and one
        adjustment request per amount of ``amounts``, approved by finance
        and waiting for leadership."""
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            emp = "ops_org.ops_org_group_employee"
            leader_group = "ops_org.ops_org_group_leadership"
            users = {
                "head": ops_user(env, f"conc_head_{tag}", emp, company),
                "finance": ops_user(
                    env, f"conc_finance_{tag}", "ops_org.ops_org_group_finance", company
                ),
                "leader_1": ops_user(env, f"conc_leader1_{tag}", leader_group, company),
                "leader_2": ops_user(env, f"conc_leader2_{tag}", leader_group, company),
            }
            head = (
                env["hr.employee"]
                .with_company(company)
                .create({"name": f"Head {tag}", "user_id": users["head"].id})
            )
            department = env["hr.department"].create(
                {"name": f"Studio {tag}", "manager_id": head.id, "company_id": company.id}
            )
            account = env["account.account"].search(
                [("company_ids", "in", company.ids), ("account_type", "=", "expense")], limit=1
            )
            # A year of its own: a company has one budget per year and version.
            budget = (
                env["ops.budget"]
                .with_user(users["finance"])
                .create(
                    {
                        "name": f"Budget {tag}",
                        "year": random.randint(2200, 2900),
                        "company_id": company.id,
                    }
                )
            )
            part = env["ops.budget.department"].create(
                {"budget_id": budget.id, "department_id": department.id}
            )
            line = (
                env["ops.budget.line"]
                .with_user(users["head"])
                .create(
                    {
                        "department_budget_id": part.id,
                        "account_id": account.id,
                        "month": "1",
                        "planned_amount": 1000.0,
                    }
                )
            )
            budget.with_user(users["finance"]).action_consolidate()
            budget.with_user(users["finance"]).action_submit()
            budget.with_user(users["leader_1"])._ops_approve()
            self.assertEqual(budget.state, "approved")
            requests = env["ops.budget.adjustment"]
            for amount in amounts:
                request = (
                    env["ops.budget.adjustment"]
                    .with_user(users["head"])
                    .create(
                        {
                            "budget_id": budget.id,
                            "department_id": department.id,
                            "reason": "market",
                            "explanation": "<p>Campaign moved</p>",
                            "line_ids": [(0, 0, {"budget_line_id": line.id, "amount": amount})],
                        }
                    )
                )
                request.action_submit()
                request.with_user(users["finance"])._ops_approve()
                self.assertEqual(
                    request.review_ids.filtered(lambda r: r.status == "pending").name, "Leadership"
                )
                requests |= request.with_user(SUPERUSER_ID)
            return {
                "budget": budget.id,
                "line": line.id,
                "requests": requests.ids,
                "users": {key: user.id for key, user in users.items()},
                "employee": head.id,
                "department": department.id,
                "analytic": department.ops_analytic_account_id.id,
            }

    def _cleanup(self, data):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            requests = env["ops.budget.adjustment"].browse(data["requests"])
            env["tier.review"].search(
                [("model", "=", requests._name), ("res_id", "in", requests.ids)]
            ).unlink()
            requests.unlink()
            budget = env["ops.budget"].browse(data["budget"])
            env["tier.review"].search(
                [("model", "=", budget._name), ("res_id", "=", budget.id)]
            ).unlink()
            # An approved budget is kept by the application: back to draft to remove it.
            cr.execute("UPDATE ops_budget SET state = 'draft' WHERE id = %s", [budget.id])
            budget.invalidate_recordset()
            budget.line_ids.unlink()
            budget.department_budget_ids.unlink()
            budget.unlink()
            env["hr.employee"].browse(data["employee"]).unlink()
            env["hr.department"].browse(data["department"]).unlink()
            env["account.analytic.account"].browse(data["analytic"]).exists().unlink()
            remove_committed_users(cr, env["res.users"].browse(list(data["users"].values())))

    def _race(self, data, first_act, second_act):
        """``first_act(env)`` by leader 1 and, while it has acted but not
        committed, ``second_act(env)`` by leader 2, retried on a
        serialisation failure as Odoo's RPC layer does. Returns the
        outcome of each and what leader 2 saw before deciding."""
        users = data["users"]
        return race(
            self.registry,
            lambda cr: self._env(cr, users["leader_1"]),
            first_act,
            lambda cr: self._env(cr, users["leader_2"]),
            second_act,
            peek=lambda env: env["ops.budget.line"].browse(data["line"]).current_amount,
        )

    def test_same_tier_approved_and_rejected_at_once_one_decision(self):
        data = self._setup_committed([300.0])
        self.addCleanup(self._cleanup, data)
        request_id = data["requests"][0]

        def approve(env):
            env["ops.budget.adjustment"].browse(request_id)._ops_approve()

        def reject(env):
            env["ops.budget.adjustment"].browse(request_id)._ops_reject("Not now")

        outcome = self._race(data, approve, reject)
        self.assertEqual(outcome.get("second_saw"), 1000.0)
        self.assertEqual(outcome.get("first"), "done")
        self.assertRegex(outcome.get("second", ""), "in the meantime|waiting for your approval")
        with self.registry.cursor() as cr:
            env = self._env(cr)
            request = env["ops.budget.adjustment"].browse(request_id)
            self.assertEqual(request.state, "approved")
            leadership = request.review_ids.filtered(lambda r: r.name == "Leadership")
            self.assertEqual(leadership.status, "approved")
            self.assertEqual(leadership.done_by.id, data["users"]["leader_1"])
            line = env["ops.budget.line"].browse(data["line"])
            self.assertEqual(line.adjusted_amount, 300.0)
            self.assertEqual(line.current_amount, 1300.0)

    def test_same_request_approved_twice_at_once_applied_once(self):
        data = self._setup_committed([300.0])
        self.addCleanup(self._cleanup, data)
        request_id = data["requests"][0]

        def approve(env):
            env["ops.budget.adjustment"].browse(request_id)._ops_approve()

        outcome = self._race(data, approve, approve)
        self.assertEqual(outcome.get("first"), "done")
        self.assertRegex(outcome.get("second", ""), "in the meantime|waiting for your approval")
        with self.registry.cursor() as cr:
            env = self._env(cr)
            request = env["ops.budget.adjustment"].browse(request_id)
            self.assertEqual(request.state, "approved")
            self.assertTrue(request.line_ids.applied)
            self.assertEqual(
                (request.line_ids.before_amount, request.line_ids.after_amount), (1000.0, 1300.0)
            )
            line = env["ops.budget.line"].browse(data["line"])
            self.assertEqual(line.adjusted_amount, 300.0)
            self.assertEqual(line.current_amount, 1300.0)

    def test_two_cuts_approved_at_once_never_beyond_what_remains(self):
        # Each cut of 600 fits the 1000 alone; together they do not.
        data = self._setup_committed([-600.0, -600.0])
        self.addCleanup(self._cleanup, data)
        first_id, second_id = data["requests"]

        def approve(request_id):
            return lambda env: env["ops.budget.adjustment"].browse(request_id)._ops_approve()

        outcome = self._race(data, approve(first_id), approve(second_id))
        self.assertEqual(outcome.get("second_saw"), 1000.0)
        self.assertEqual(outcome.get("first"), "done")
        self.assertRegex(outcome.get("second", ""), "beyond what remains")
        with self.registry.cursor() as cr:
            env = self._env(cr)
            first, second = env["ops.budget.adjustment"].browse([first_id, second_id])
            self.assertEqual(first.state, "approved")
            self.assertTrue(first.line_ids.applied)
            # The refused approval left nothing behind: still waiting, not applied.
            self.assertEqual(second.state, "submitted")
            self.assertFalse(second.line_ids.applied)
            self.assertEqual(
                second.review_ids.filtered(lambda r: r.name == "Leadership").status, "pending"
            )
            line = env["ops.budget.line"].browse(data["line"])
            self.assertEqual(line.adjusted_amount, -600.0)
            self.assertEqual(line.current_amount, 400.0)
