# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
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
class TestExpenseConcurrency(TransactionCase):
    """Two leaders approve the last tier of the same expense report at the
    same moment, each in a database transaction of their own: the report
    is approved once and the company pays it once.

    The two transactions need data both can see, so the test commits its
    own records in a cursor of its own and removes them at the end."""

    def _env(self, cr, uid=SUPERUSER_ID):
        return api.Environment(cr, uid, dict(OPS_TEST_CONTEXT))

    def _setup_committed(self):
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            company.ops_expense_policy = True
            outstanding = company.expense_outstanding_account_id
            if not outstanding:
                company.expense_outstanding_account_id = env["account.account"].search(
                    [
                        ("company_ids", "in", company.ids),
                        ("account_type", "=", "asset_current"),
                        ("reconcile", "=", True),
                    ],
                    limit=1,
                )
            emp = "ops_org.ops_org_group_employee"
            leader_group = "ops_org.ops_org_group_leadership"
            users = {
                "employee": ops_user(env, f"conc_employee_{tag}", emp, company),
                "head": ops_user(env, f"conc_head_{tag}", emp, company),
                "finance": ops_user(
                    env, f"conc_finance_{tag}", "ops_org.ops_org_group_finance", company
                ),
                "leader_1": ops_user(env, f"conc_leader1_{tag}", leader_group, company),
                "leader_2": ops_user(env, f"conc_leader2_{tag}", leader_group, company),
            }
            Employee = env["hr.employee"].with_company(company)
            head = Employee.create({"name": f"Head {tag}", "user_id": users["head"].id})
            department = env["hr.department"].create(
                {"name": f"Post-production {tag}", "manager_id": head.id, "company_id": company.id}
            )
            employee = Employee.create(
                {
                    "name": f"Editor {tag}",
                    "user_id": users["employee"].id,
                    "department_id": department.id,
                }
            )
            product = env["product.product"].create(
                {
                    "name": f"Hard drive {tag}",
                    "can_be_expensed": True,
                    "supplier_taxes_id": [(5, 0, 0)],
                }
            )
            expense = env["hr.expense"].create(
                {
                    "name": "Hard drive for the rushes",
                    "employee_id": employee.id,
                    "product_id": product.id,
                    "total_amount_currency": 800.0,
                    "payment_mode": "company_account",
                }
            )
            env["ir.attachment"].create(
                {
                    "name": "invoice.pdf",
                    "datas": base64.b64encode(b"invoice"),
                    "res_model": "hr.expense",
                    "res_id": expense.id,
                }
            )
            sheet = env["hr.expense.sheet"].create(
                {
                    "name": f"Rushes {tag}",
                    "employee_id": employee.id,
                    "expense_line_ids": [(6, 0, expense.ids)],
                }
            )
            sheet.with_user(users["employee"]).action_submit_sheet()
            sheet.with_user(users["head"])._ops_approve()
            sheet.with_user(users["finance"]).write(
                {"ops_check_authentic": True, "ops_check_legal": True, "ops_check_complete": True}
            )
            sheet.with_user(users["finance"])._ops_approve()
            self.assertEqual(sheet.state, "submit")
            self.assertTrue(sheet.payment_method_line_id)
            return {
                "sheet": sheet.id,
                "users": {key: user.id for key, user in users.items()},
                "employees": (head | employee).ids,
                "department": department.id,
                "product": product.id,
                "analytic": department.ops_analytic_account_id.id,
                "outstanding": outstanding.id,
            }

    def _cleanup(self, data):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env.ref("base.main_company").expense_outstanding_account_id = data["outstanding"]
            sheet = env["hr.expense.sheet"].browse(data["sheet"]).exists()
            if sheet:
                moves = sheet.account_move_ids
                payments = moves.origin_payment_id
                moves.filtered(lambda m: m.state == "posted").button_draft()
                sheet.with_context(skip_validation_check=True).write(
                    {"approval_state": False, "account_move_ids": [(5, 0, 0)]}
                )
                payments.unlink()
                moves.exists().unlink()
                sheet.expense_line_ids.unlink()
                sheet.unlink()
            env["hr.employee"].browse(data["employees"]).unlink()
            env["hr.department"].browse(data["department"]).unlink()
            env["account.analytic.account"].browse(data["analytic"]).exists().unlink()
            env["product.product"].browse(data["product"]).unlink()
            remove_committed_users(cr, env["res.users"].browse(list(data["users"].values())))

    def test_two_leaders_at_once_one_payment(self):
        data = self._setup_committed()
        self.addCleanup(self._cleanup, data)
        users = data["users"]

        def approve(env):
            env["hr.expense.sheet"].browse(data["sheet"])._ops_approve()

        outcome = race(
            self.registry,
            lambda cr: self._env(cr, users["leader_1"]),
            approve,
            lambda cr: self._env(cr, users["leader_2"]),
            # Decided while the first is not committed yet.
            approve,
            # The second leader's transaction sees the tier pending.
            peek=lambda env: (
                env["hr.expense.sheet"]
                .browse(data["sheet"])
                .review_ids.filtered(lambda r: r.status == "pending")
                .name
            ),
            done="approved",
        )

        self.assertEqual(outcome.get("second_saw"), "Leadership")
        self.assertEqual(outcome.get("first"), "approved")
        self.assertRegex(outcome.get("second", ""), "in the meantime|waiting for your approval")
        with self.registry.cursor() as cr:
            env = self._env(cr)
            sheet = env["hr.expense.sheet"].browse(data["sheet"])
            self.assertEqual(sheet.state, "approve")
            payments = env["account.payment"].search([("expense_sheet_id", "=", sheet.id)])
            self.assertEqual(len(payments), 1)
            self.assertEqual(payments.amount, 800.0)
            self.assertEqual(len(sheet.account_move_ids), 1)
