# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The README's screens, taken from the demo company's month: each demo
user logs in to the demo database (as `bash setup/run.sh` makes it: a
company in China on Odoo's Chinese chart, its people speaking Chinese) and
the screen where their work waits is captured into ``OPS_SCREENSHOTS``.

Not a test of the suite (its tours are in ``test_suite_tours.py``): not
imported by ``tests/__init__.py`` nor named ``test_*``, run only by
``bash setup/screens.sh``, which gives it the demo database. Each screen is
still checked: the tour fails when the work it shows is missing. Nothing is
written: the test's transaction is rolled back."""

from unittest.mock import patch

from odoo.tests import HttpCase, common, tagged

from odoo.addons.ops_suite.tests import test_suite_tours


@tagged("post_install", "-at_install", "ops_demo_screens")
class DemoScreens(HttpCase):
    ops_lang = "zh_CN"

    def screen(self, name, url, login, phone=False):
        self.assertEqual(
            self.env["res.users"].search([("login", "=", login)]).lang,
            "zh_CN",
            f"{login} speaks Chinese in the demo database",
        )
        self.browser_size = "390x844" if phone else "1366x768"
        self.touch_enabled = phone
        with patch.object(common, "ChromeBrowser", test_suite_tours.ScreenshotBrowser):
            self.start_tour(url, f"ops_suite_demo_{name}", login=login, timeout=120)

    def record(self, model, domain):
        record = self.env[model].search(domain, limit=1)
        self.assertTrue(record, f"the demo month has a {model} {domain}")
        return record

    def test_demo_month(self):
        self.screen(
            "demo_my_approvals",
            "/odoo/action-ops_org.tier_review_action_my_approvals",
            "ops.design.head",
        )
        self.screen(
            "demo_my_approvals_phone",
            "/odoo/action-ops_org.tier_review_action_my_approvals",
            "ops.ceo",
            phone=True,
        )
        head = self.env.ref("ops_org.user_design_head_demo")
        review = self.record(
            "tier.review",
            [
                ("model", "=", "hr.expense.sheet"),
                ("status", "=", "pending"),
                ("reviewer_ids", "in", head.ids),
            ],
        )
        claim = self.env["hr.expense.sheet"].browse(review.res_id)
        self.screen("demo_expense_report", f"/odoo/hr.expense.sheet/{claim.id}", "ops.design.head")
        company = self.env.ref("base.main_company")
        bank = self.record(
            "account.journal", [("company_id", "=", company.id), ("type", "=", "bank")]
        )
        self.screen(
            "demo_bank_reconcile",
            f"/odoo/account.journal/{bank.id}"
            "/action-account_reconcile_oca.action_bank_statement_line_reconcile_all",
            "ops.finance.1",
        )
        self.screen(
            "demo_evaluations_to_give",
            "/odoo/action-ops_appraisal.ops_appraisal_evaluation_action_mine",
            "ops.tech.head",
        )
        self.screen(
            "demo_contact_sheets",
            "/odoo/action-ops_coordination.ops_contact_sheet_action_incoming",
            "ops.cs.head",
        )
        regulation = self.record(
            "ops.document", [("kind", "=", "regulation"), ("state", "=", "published")]
        )
        self.screen("demo_document_acknowledge", f"/odoo/ops.document/{regulation.id}", "ops.ops.1")
        plan = self.record(
            "ops.cash.plan", [("company_id", "=", company.id), ("state", "=", "submitted")]
        )
        self.screen("demo_cash_plan", f"/odoo/ops.cash.plan/{plan.id}", "ops.ceo")
        self.screen(
            "demo_project_lifecycle",
            "/odoo/action-ops_project_lifecycle.project_project_action_lifecycle",
            "ops.tech.1",
        )
        self.screen(
            "demo_evaluations_phone",
            "/odoo/action-ops_appraisal.ops_appraisal_evaluation_action_mine",
            "ops.design.head",
            phone=True,
        )
        self.screen(
            "demo_my_trainings_phone",
            "/odoo/action-ops_training.ops_training_enrolment_action_mine",
            "ops.tech.2",
            phone=True,
        )
