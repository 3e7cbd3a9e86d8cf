# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The records that follow a confidential budget or cash plan
(``_ops_classified_by``) are hidden on every path from the users who broke
it: finance, Leadership and department heads not on its need-to-know list
(issue 16). And the officer changes a level from the form."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.ops_finance.tests.common import BudgetCommon, CashCommon
from odoo.addons.ops_org.tests.common import ops_user

FINANCE = "ops_org.ops_org_group_finance,base.group_allow_export"
OFFICER = "ops_org.ops_org_group_employee,ops_org.ops_org_group_confidentiality"
LEVEL_WIZARD = "ops.confidentiality.level.wizard"


def clear(env, user, clearance):
    """Give ``user`` an employee with a signed NDA and ``clearance`` (as
    superuser: the test users are not HR)."""
    Employee = env["hr.employee"].sudo()
    employee = Employee.search([("user_id", "=", user.id)], limit=1)
    employee = employee or Employee.create({"name": user.name, "user_id": user.id})
    env["ops.nda"].sudo().create(
        {"employee_id": employee.id, "date_signed": date.today() - timedelta(days=30)}
    )
    employee.ops_clearance = clearance
    return employee


class FollowersMixin:
    """Checks shared by the budget and the cash plan tests."""

    def assertHidden(self, records, user, fname):
        """``records`` (of one model) exist but ``user`` gets none of them:
        not searched, not read, not named, not grouped, not exported."""
        self.env.flush_all()
        self.env.invalidate_all()
        Model = self.env[records._name].with_user(user)
        domain = [("id", "in", records.ids)]
        self.assertEqual(records.sudo().exists(), records)
        self.assertEqual(Model.search_read(domain, [fname]), [])
        self.assertEqual(Model.search_count(domain), 0)
        named = {i for i, _name in Model.name_search("", limit=None)}
        self.assertFalse(named & set(records.ids))
        self.assertEqual(Model.read_group(domain, ["company_id"], ["company_id"]), [])
        self.assertEqual(Model.web_read_group(domain, ["company_id"], ["company_id"])["groups"], [])
        with self.assertRaises(AccessError):
            records.with_user(user).read([fname])
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            records.with_user(user).web_read({fname: {}})
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            records.with_user(user).export_data([fname])
        self.env.invalidate_all()

    def assertSeen(self, records, user, fname):
        self.env.flush_all()
        self.env.invalidate_all()
        Model = self.env[records._name].with_user(user)
        domain = [("id", "in", records.ids)]
        self.assertEqual(Model.search(domain), records)
        self.assertEqual(len(records.with_user(user).read([fname])), len(records))
        named = {i for i, _name in Model.name_search("", limit=None)}
        self.assertLessEqual(set(records.ids), named)
        groups = Model.read_group(domain, ["company_id"], ["company_id"], lazy=False)
        self.assertEqual(sum(g["__count"] for g in groups), len(records))
        self.assertEqual(len(records.with_user(user).export_data([fname])["datas"]), len(records))

    def assertLevelRefused(self, user, record):
        """A user who is no confidentiality officer opens no level wizard,
        applies none an officer left, and sets no level directly."""
        values = {
            "res_model": record._name,
            "res_id": record.id,
            "level": "internal",
            "reason": "Not mine to decide",
        }
        with self.assertRaises(AccessError):
            self.env[LEVEL_WIZARD].with_user(user).create(values)
        wizard = self.env[LEVEL_WIZARD].with_user(self.user_officer).create(values)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            wizard.with_user(user).action_apply()
        with self.assertRaises(AccessError):
            record.with_user(user).ops_set_level("internal", "Not mine to decide")
        self.assertEqual(record.ops_level, "confidential")

    def level_form(self, record, user):
        """The wizard as the form's "Change Level" button opens it."""
        return Form(
            self.env[LEVEL_WIZARD]
            .with_user(user)
            .with_context(
                default_res_model=record._name,
                default_res_id=record.id,
                default_level=record.ops_level,
            )
        )


@tagged("post_install", "-at_install", "ops_access")
class TestBudgetFollowers(FollowersMixin, BudgetCommon):
    """An approved budget with lines of two departments, an adjustment
    request and a posted journal item, then made confidential for the CFO
    only (finance, cleared). Finance (not cleared), Leadership (cleared for
    secret but not on the list) and the Studio's head get nothing of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.line = cls.add_line(cls.part, month="1", amount=1000.0)
        cls.other_line = cls.add_line(
            cls.other_part, month="1", amount=400.0, user=cls.user_other_head
        )
        cls.approve_budget()
        cls.item = cls.post_item(300.0, "2027-01-15")
        cls.adjustment = (
            cls.env["ops.budget.adjustment"]
            .with_user(cls.user_head)
            .create(
                {
                    "budget_id": cls.budget.id,
                    "department_id": cls.department.id,
                    "reason": "market",
                    "explanation": "<p>New campaign</p>",
                    "line_ids": [(0, 0, {"budget_line_id": cls.line.id, "amount": 200.0})],
                }
            )
        )
        cls.user_cfo = ops_user(cls.env, "ops_cfo", FINANCE, company)
        cls.user_officer = ops_user(cls.env, "ops_conf_officer", OFFICER, company)
        cls.user_finance_officer = ops_user(
            cls.env, "ops_finance_officer", f"{FINANCE},ops_org.ops_org_group_confidentiality"
        )
        clear(cls.env, cls.user_cfo, "confidential")
        clear(cls.env, cls.user_leader, "secret")
        clear(cls.env, cls.user_officer, "secret")
        clear(cls.env, cls.user_finance_officer, "secret")
        # Those who broke it could export the report.
        export = cls.env.ref("base.group_allow_export")
        (cls.user_finance | cls.user_leader | cls.user_head).write(
            {"groups_id": [Command.link(export.id)]}
        )
        cls.budget.sudo().write(
            {
                "ops_level": "confidential",
                "ops_category": "financial_information",
                "ops_need_to_know_user_ids": [(6, 0, cls.user_cfo.ids)],
            }
        )
        # The fixtures as superuser: BudgetCommon made them as their authors.
        cls.budget, cls.part, cls.other_part = (
            cls.budget.sudo(),
            cls.part.sudo(),
            cls.other_part.sudo(),
        )
        cls.line, cls.other_line = cls.line.sudo(), cls.other_line.sudo()
        cls.adjustment = cls.adjustment.sudo()
        cls.Report = cls.env["ops.budget.execution.report"].sudo()
        cls.year = [
            ("company_id", "=", company.id),
            ("date", ">=", "2027-01-01"),
            ("date", "<=", "2027-12-31"),
        ]
        cls.env.flush_all()
        cls.budget_rows = cls.Report.search([*cls.year, ("budget_id", "=", cls.budget.id)])

    def _uncleared(self):
        return {
            "finance": self.user_finance,
            "leadership": self.user_leader,
            "department head": self.user_head,
        }

    # -- the execution report (rule ops_confidentiality_rule_ops_budget_execution_report)

    def test_report_budget_rows_hidden_from_those_not_on_the_list(self):
        self.assertEqual(len(self.budget_rows), 2)
        self.assertEqual(set(self.budget_rows.mapped("kind")), {"budget"})
        for role, user in self._uncleared().items():
            with self.subTest(role=role):
                self.env.invalidate_all()
                Report = self.Report.with_user(user)
                self.assertEqual(
                    Report.search_read([*self.year, ("kind", "=", "budget")], ["budget_id"]), []
                )
                self.assertFalse(Report.search([("budget_id", "=", self.budget.id)]))
                # The journal items are no part of the budget: still shown.
                actual = Report.search_read([*self.year, ("kind", "=", "actual")], ["kind"])
                self.assertTrue(actual)
                # As the pivot and the graph ask (rows by department, columns
                # by month), and as the grouped list asks.
                pivot = Report.read_group(
                    self.year,
                    ["budget_amount:sum", "actual_amount:sum"],
                    ["department_id", "date:month"],
                    lazy=False,
                )
                self.assertEqual(sum(g["budget_amount"] for g in pivot), 0.0)
                self.assertGreaterEqual(sum(g["actual_amount"] for g in pivot), 300.0)
                grouped = Report.web_read_group(self.year, ["budget_amount:sum"], ["department_id"])
                self.assertEqual(sum(g["budget_amount"] for g in grouped["groups"]), 0.0)
                # The export of the list (the rows found, then the rows sent).
                exported = Report.search(self.year).export_data(["budget_amount"])
                self.assertTrue(exported["datas"])
                self.assertEqual(sum(row[0] for row in exported["datas"]), 0.0)
                self.env.invalidate_all()
                with self.assertRaises(AccessError):
                    self.budget_rows.with_user(user).export_data(["kind", "budget_amount"])
                self.env.invalidate_all()
                with self.assertRaises(AccessError):
                    self.budget_rows.with_user(user).read(["budget_amount"])

    def test_report_budget_rows_seen_by_cleared_finance_on_the_list(self):
        self.env.invalidate_all()
        Report = self.Report.with_user(self.user_cfo)
        rows = Report.search_read(
            [*self.year, ("kind", "=", "budget")], ["budget_id", "budget_amount"]
        )
        self.assertEqual({r["budget_id"][0] for r in rows}, {self.budget.id})
        self.assertEqual(sum(r["budget_amount"] for r in rows), 1400.0)
        pivot = Report.read_group(
            self.year, ["budget_amount:sum"], ["department_id", "date:month"], lazy=False
        )
        self.assertEqual(sum(g["budget_amount"] for g in pivot), 1400.0)
        grouped = Report.web_read_group(self.year, ["budget_amount:sum"], ["department_id"])
        self.assertEqual(sum(g["budget_amount"] for g in grouped["groups"]), 1400.0)
        exported = self.budget_rows.with_user(self.user_cfo).export_data(["budget_amount"])
        self.assertEqual(sum(row[0] for row in exported["datas"]), 1400.0)

    # -- the budget's parts (rules ops_confidentiality_rule_ops_budget_*) -------

    def _followers(self):
        return {
            "ops.budget.department": (self.part | self.other_part, "department_id"),
            "ops.budget.line": (self.line | self.other_line, "planned_amount"),
            "ops.budget.adjustment": (self.adjustment, "reason"),
            "ops.budget.adjustment.line": (self.adjustment.line_ids, "amount"),
        }

    def test_budget_parts_hidden_from_those_not_on_the_list(self):
        for role, user in self._uncleared().items():
            for model, (records, fname) in self._followers().items():
                with self.subTest(role=role, model=model):
                    self.assertHidden(records, user, fname)

    def test_budget_parts_seen_by_cleared_finance_on_the_list(self):
        for model, (records, fname) in self._followers().items():
            with self.subTest(model=model):
                self.assertSeen(records, self.user_cfo, fname)

    @freeze_time("2027-01-25 10:00:00")
    def test_budget_alert_only_to_those_on_the_list(self):
        self.post_item(850.0, "2027-01-20")
        self.env["ops.budget"].sudo()._cron_budget_alerts()
        alert = self.part.message_ids.filtered(lambda m: "Budget alert" in (m.body or ""))
        self.assertEqual(len(alert), 1)
        self.assertIn(self.user_cfo.partner_id, alert.partner_ids)
        for user in self._uncleared().values():
            self.assertNotIn(user.partner_id, alert.partner_ids)

    # -- the officer's level ------------------------------------------------

    def test_change_level_button_only_for_officers(self):
        for user, shown in ((self.user_cfo, False), (self.user_finance_officer, True)):
            arch = self.env["ops.budget"].with_user(user).get_views([(False, "form")])
            arch = arch["views"]["form"]["arch"]
            arch = arch.decode() if isinstance(arch, bytes) else arch
            self.assertEqual("Change Level" in arch, shown)

    def test_officer_raises_the_level_from_the_form(self):
        with self.level_form(self.budget, self.user_officer) as form:
            self.assertEqual(form.current_level, "confidential")
            self.assertEqual(form.record_name, self.budget.display_name)
            form.level = "secret"
            form.reason = "Board decision: the 2027 figures are secret."
        form.record.action_apply()
        self.assertEqual(self.budget.ops_level, "secret")
        self.assertIn(self.user_officer, self.budget.ops_need_to_know_user_ids)
        self.assertIn("Board decision", self.budget.message_ids[0].body)
        # The CFO's confidential clearance no longer covers it.
        self.env.invalidate_all()
        self.assertFalse(
            self.Report.with_user(self.user_cfo).search([("budget_id", "=", self.budget.id)])
        )

    def test_officer_gives_a_reason(self):
        with self.assertRaises(AssertionError):
            with self.level_form(self.budget, self.user_officer) as form:
                form.level = "internal"
        wizard = (
            self.env[LEVEL_WIZARD]
            .with_user(self.user_officer)
            .create(
                {
                    "res_model": "ops.budget",
                    "res_id": self.budget.id,
                    "level": "internal",
                    "reason": "   ",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_apply()
        self.assertEqual(self.budget.ops_level, "confidential")

    def test_level_wizard_only_on_classified_records(self):
        wizard = (
            self.env[LEVEL_WIZARD]
            .with_user(self.user_officer)
            .create(
                {
                    "res_model": "ops.budget.line",
                    "res_id": self.line.id,
                    "level": "internal",
                    "reason": "A line follows its budget",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_apply()

    def test_level_refused_to_others(self):
        for role, user in {**self._uncleared(), "cfo": self.user_cfo}.items():
            with self.subTest(role=role):
                self.assertLevelRefused(user, self.budget)


@tagged("post_install", "-at_install", "ops_access")
class TestCashPlanFollowers(FollowersMixin, CashCommon):
    """A cash plan made confidential for the CFO only: finance (not
    cleared) and Leadership (cleared, not on the list) get nothing of it or
    of its lines (rules ops_confidentiality_rule_ops_cash_plan[_line])."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.plan = cls.make_plan(
            "2027-01-01",
            [("income", cls.p_receipts, 5000.0), ("expense", cls.p_salaries, 3000.0)],
        )
        cls.user_cfo = ops_user(cls.env, "ops_cfo", FINANCE, company)
        cls.user_officer = ops_user(cls.env, "ops_conf_officer", OFFICER, company)
        clear(cls.env, cls.user_cfo, "confidential")
        clear(cls.env, cls.user_leader, "secret")
        clear(cls.env, cls.user_officer, "secret")
        export = cls.env.ref("base.group_allow_export")
        (cls.user_finance | cls.user_leader).write({"groups_id": [Command.link(export.id)]})
        cls.plan.sudo().write(
            {
                "ops_level": "confidential",
                "ops_category": "financial_information",
                "ops_need_to_know_user_ids": [(6, 0, cls.user_cfo.ids)],
            }
        )
        cls.plan = cls.plan.sudo()

    def test_cash_plan_hidden_from_those_not_on_the_list(self):
        for role, user in {"finance": self.user_finance, "leadership": self.user_leader}.items():
            with self.subTest(role=role):
                self.assertHidden(self.plan, user, "planned_income")
                self.assertHidden(self.plan.line_ids, user, "planned_amount")

    def test_cash_plan_seen_by_cleared_finance_on_the_list(self):
        self.assertSeen(self.plan, self.user_cfo, "planned_income")
        self.assertSeen(self.plan.line_ids, self.user_cfo, "planned_amount")

    def test_officer_declassifies_from_the_form(self):
        # The officer may not read cash plans at all: the wizard still shows
        # which plan and its level, and the change goes through.
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_officer).read(["name"])
        with self.level_form(self.plan, self.user_officer) as form:
            self.assertEqual(form.current_level, "confidential")
            form.level = "internal"
            form.reason = "Published with the annual report."
        form.record.action_apply()
        self.assertEqual(self.plan.ops_level, "internal")
        self.assertIn("Published with the annual report", self.plan.message_ids[0].body)
        self.env.invalidate_all()
        Plan = self.env["ops.cash.plan"].with_user(self.user_finance)
        self.assertEqual(Plan.search([("id", "=", self.plan.id)]), self.plan)
        self.assertEqual(
            self.env["ops.cash.plan.line"]
            .with_user(self.user_finance)
            .search([("plan_id", "=", self.plan.id)]),
            self.plan.line_ids,
        )

    def test_level_refused_to_others(self):
        for role, user in {
            "finance": self.user_finance,
            "leadership": self.user_leader,
            "cfo": self.user_cfo,
        }.items():
            with self.subTest(role=role):
                self.assertLevelRefused(user, self.plan)
