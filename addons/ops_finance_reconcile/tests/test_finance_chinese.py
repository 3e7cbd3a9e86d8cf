# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged

MODULES = ["account", "account_reconcile_oca", "account_statement_import_file"]


@tagged("post_install", "-at_install")
class TestFinanceScreensInChinese(TransactionCase):
    """The words of the bank screens finance uses read in Chinese where the
    modules' own zh_CN.po leaves them untranslated, in English, or wrong:
    ops_finance_reconcile ships them (i18n_extra/zh_CN.po), they replace
    the modules' own when translations load (ops_org's ir.module.module),
    and the web client's terms are given with the module's (ops_org's
    ir.http)."""

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("zh_CN")
        # As loading or updating these modules does: their own files first.
        self.env["ir.module.module"]._load_module_terms(MODULES, ["zh_CN"])

    def test_wrong_translation_replaced(self):
        wizard = self.env.ref("account_statement_import_file.account_statement_import_form")
        arch = wizard.with_context(lang="zh_CN").arch_db
        self.assertNotIn("取消日期", arch, "OCA's zh_CN translates Cancel as 'cancel date'")
        self.assertIn('string="取消"', arch)

    def test_english_left_in_odoo_translated(self):
        menu = self.env.ref("account.menu_finance_reports")
        self.assertEqual(menu.with_context(lang="zh_CN").name, "报表")

    def test_payment_accounts_and_method(self):
        # The main company's outstanding accounts (Odoo's own Chinese is the
        # English) and the manual payment method.
        outstanding = self.env.ref("account.1_account_journal_payment_credit_account_id")
        self.assertEqual(outstanding.with_context(lang="zh_CN").name, "在途付款")
        receipts = self.env.ref("account.1_account_journal_payment_debit_account_id")
        self.assertEqual(receipts.with_context(lang="zh_CN").name, "在途收款")
        method = self.env.ref("account.account_payment_method_manual_out")
        self.assertEqual(method.with_context(lang="zh_CN").name, "手动付款")

    def test_noupdate_data_mistranslated_replaced(self):
        # Odoo's expense categories are "noupdate" data (ops_finance ships these).
        self.env["ir.module.module"]._load_module_terms(["hr_expense"], ["zh_CN"])
        travel = self.env.ref("hr_expense.expense_product_travel_accommodation_product_template")
        self.assertEqual(travel.with_context(lang="zh_CN").name, "差旅住宿费")
        communication = self.env.ref("hr_expense.expense_product_communication_product_template")
        self.assertEqual(communication.with_context(lang="zh_CN").name, "通讯费")

    def test_untranslated_view_term(self):
        form = self.env.ref("account_reconcile_oca.bank_statement_line_form_reconcile_view")
        self.assertIn("其他信息", form.with_context(lang="zh_CN").arch_db)

    def test_web_client_terms(self):
        translations, __ = self.env["ir.http"].get_translations_for_webclient(
            ["account_reconcile_oca", "web"], "zh_CN"
        )
        terms = {m["id"]: m["string"] for m in translations["account_reconcile_oca"]["messages"]}
        self.assertEqual(terms["Debit"], "借方", "OCA's zh_CN has 货方")
        self.assertEqual(terms["Add all"], "全部添加")
        self.assertEqual(terms["Credit"], "贷方", "the module's own terms are kept")
        self.assertTrue(translations["web"]["messages"], "other modules untouched")
        # In English nothing is added.
        english, __ = self.env["ir.http"].get_translations_for_webclient(
            ["account_reconcile_oca"], "en_US"
        )
        self.assertFalse(english["account_reconcile_oca"]["messages"])
