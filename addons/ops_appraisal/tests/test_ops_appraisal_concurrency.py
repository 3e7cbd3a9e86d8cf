# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

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
class TestAppraisalConcurrency(TransactionCase):
    """Two HR officers act on the same published cycle at the same moment,
    each in a database transaction of their own: the cycle closes once, and
    of two bonus sheets computed at once only one pays the employees.

    The two transactions need data both can see, so the test commits its
    own records in a cursor of its own and removes them at the end."""

    def _env(self, cr, uid=SUPERUSER_ID, tracking=False):
        context = {"queue_job__no_delay": True} if tracking else dict(OPS_TEST_CONTEXT)
        return api.Environment(cr, uid, context)

    def _setup_committed(self):
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            emp = "ops_org.ops_org_group_employee"
            hr = "ops_org.ops_org_group_hr"
            users = {
                "hr_1": ops_user(env, f"conc_hr1_{tag}", hr, company),
                "hr_2": ops_user(env, f"conc_hr2_{tag}", hr, company),
                "head": ops_user(env, f"conc_head_{tag}", emp, company),
                "employee": ops_user(env, f"conc_employee_{tag}", emp, company),
            }
            Employee = env["hr.employee"].with_company(company)
            head = Employee.create({"name": f"Head {tag}", "user_id": users["head"].id})
            department = env["hr.department"].create(
                {"name": f"Studio {tag}", "manager_id": head.id, "company_id": company.id}
            )
            head.department_id = department
            employee = Employee.create(
                {
                    "name": f"Editor {tag}",
                    "user_id": users["employee"].id,
                    "department_id": department.id,
                    "parent_id": head.id,
                    "ops_bonus_base": 1000.0,
                }
            )
            template = env["ops.appraisal.template"].create(
                {
                    "name": f"Template {tag}",
                    "rating_scale": 5,
                    "supervisor_weight": 80,
                    "peer_weight": 0,
                    "self_weight": 20,
                    "customer_weight": 0,
                    "criterion_ids": [
                        (0, 0, {"name": "Quality", "group": "performance", "weight": 100})
                    ],
                }
            )
            cycle = env["ops.appraisal.cycle"].create(
                {
                    "name": f"Cycle {tag}",
                    "period": "monthly",
                    "date_start": "2026-10-01",
                    "date_end": "2026-10-31",
                    "template_id": template.id,
                    "department_ids": [(6, 0, department.ids)],
                    "company_id": company.id,
                }
            )
            cycle._ops_demo_run("published")
            self.assertEqual(cycle.state, "published")
            self.assertEqual(len(cycle.appraisal_ids), 2)
            sheets = env["ops.appraisal.bonus.sheet"].create(
                [{"name": f"Bonus {tag} {i}", "cycle_id": cycle.id} for i in (1, 2)]
            )
            return {
                "cycle": cycle.id,
                "template": template.id,
                "sheets": sheets.ids,
                "users": {key: user.id for key, user in users.items()},
                "employees": (head | employee).ids,
                "department": department.id,
            }

    def _cleanup(self, data):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            cycle = env["ops.appraisal.cycle"].browse(data["cycle"])
            env["ops.appraisal.bonus.sheet"].search([("cycle_id", "=", cycle.id)]).unlink()
            appraisals = cycle.appraisal_ids
            env["ops.appraisal.improvement.plan"].search(
                [("appraisal_id", "in", appraisals.ids)]
            ).unlink()
            appraisals.evaluation_ids.unlink()
            appraisals.unlink()
            cycle.unlink()
            env["ops.appraisal.template"].browse(data["template"]).unlink()
            env["hr.employee"].browse(data["employees"]).unlink()
            department = env["hr.department"].browse(data["department"])
            # ops_finance, when installed, gives each department a cost centre.
            field = "ops_analytic_account_id"
            analytic = department[field] if field in department._fields else None
            department.unlink()
            if analytic:
                analytic.exists().unlink()
            remove_committed_users(cr, env["res.users"].browse(list(data["users"].values())))

    def _race(self, data, act):
        """``act(env, who)`` run by HR officer 1 and, while the first has
        acted but not committed, by HR officer 2 (retried on a serialisation
        failure, as Odoo's RPC layer does). Returns {who: outcome}."""
        users = data["users"]
        outcome = race(
            self.registry,
            lambda cr: self._env(cr, users["hr_1"], tracking=True),
            lambda env: act(env, "hr_1"),
            lambda cr: self._env(cr, users["hr_2"], tracking=True),
            lambda env: act(env, "hr_2"),
            # The second officer's transaction starts before the first
            # commits: its snapshot is the same as the first's.
            peek=lambda env: env["ops.appraisal.cycle"].browse(data["cycle"]).state,
        )
        return {
            "hr_1": outcome.get("first"),
            "hr_2": outcome.get("second"),
            "second_saw": outcome.get("second_saw"),
        }

    def test_cycle_closed_twice_at_once_closes_once(self):
        data = self._setup_committed()
        self.addCleanup(self._cleanup, data)

        def close(env, who):
            env["ops.appraisal.cycle"].browse(data["cycle"]).action_close()

        outcome = self._race(data, close)
        self.assertEqual(outcome.get("second_saw"), "published")
        self.assertEqual(outcome.get("hr_1"), "done")
        self.assertRegex(outcome.get("hr_2", ""), "is Closed; this step needs it Published")
        with self.registry.cursor() as cr:
            env = self._env(cr)
            cycle = env["ops.appraisal.cycle"].browse(data["cycle"])
            self.assertEqual(cycle.state, "closed")
            self.assertEqual(set(cycle.appraisal_ids.mapped("state")), {"closed"})
            # One close: one tracked change of the state to Closed, by hr_1.
            closings = env["mail.tracking.value"].search(
                [
                    ("mail_message_id.model", "=", cycle._name),
                    ("mail_message_id.res_id", "=", cycle.id),
                    ("field_id.name", "=", "state"),
                    ("new_value_char", "=", "Closed"),
                ]
            )
            self.assertEqual(len(closings), 1)
            self.assertEqual(
                closings.mail_message_id.author_id,
                env["res.users"].browse(data["users"]["hr_1"]).partner_id,
            )

    def test_two_bonus_sheets_computed_at_once_pay_once(self):
        data = self._setup_committed()
        self.addCleanup(self._cleanup, data)
        sheet_of = {"hr_1": data["sheets"][0], "hr_2": data["sheets"][1]}

        def compute(env, who):
            env["ops.appraisal.bonus.sheet"].browse(sheet_of[who]).action_compute()

        outcome = self._race(data, compute)
        self.assertEqual(outcome.get("hr_1"), "done")
        # The second sheet's lines collide with the first's on the unique
        # (cycle, employee) index: Odoo turns the violation into an error.
        self.assertRegex(outcome.get("hr_2", ""), "one bonus per cycle|already")
        with self.registry.cursor() as cr:
            env = self._env(cr)
            cycle = env["ops.appraisal.cycle"].browse(data["cycle"])
            lines = env["ops.appraisal.bonus.line"].search([("cycle_id", "=", cycle.id)])
            # One bonus sheet pays each employee once.
            self.assertEqual(lines.sheet_id.ids, [sheet_of["hr_1"]])
            self.assertEqual(lines.appraisal_id, cycle.appraisal_ids)
            self.assertFalse(env["ops.appraisal.bonus.sheet"].browse(sheet_of["hr_2"]).line_ids)
