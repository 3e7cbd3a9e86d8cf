# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged

from odoo.addons.ops_org.tests.common import chinese_company, run_migration


@tagged("post_install", "-at_install")
class TestChineseChartExpenseAccounts(TransactionCase):
    """On Odoo's Chinese charts (``l10n_cn``, installed by the set-up; the
    addon does not depend on it) Odoo's expense categories post to the
    company's 管理费用, meals and gifts to 业务招待费."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meal = cls.env.ref("hr_expense.expense_product_meal")
        cls.travel = cls.env.ref("hr_expense.expense_product_travel_accommodation")

    def _company(self, chart):
        return chinese_company(self.env, chart)

    def _account(self, product, company):
        return product.with_company(company).property_account_expense_id

    def test_small_business_chart(self):
        company = self._company("cn")
        chart = self.env["account.chart.template"].with_company(company)
        self.assertEqual(self._account(self.meal, company), chart.ref("l10n_cn_account_560202"))
        self.assertEqual(self._account(self.travel, company), chart.ref("l10n_cn_account_5602"))
        expense = (
            self.env["hr.expense"]
            .with_company(company)
            .new({"product_id": self.meal.id, "company_id": company.id})
        )
        self.assertEqual(expense.account_id.code[:6], "560202", "an expense posts there")

    def test_enterprise_chart(self):
        company = self._company("cn_large_bis")
        self.assertEqual(self._account(self.meal, company).code[:4], "6602")

    def test_other_charts_and_chosen_accounts_are_left_alone(self):
        company = self._company("cn")
        chosen = self._account(self.travel, company).copy({"code": "560299"})
        self.travel.with_company(company).property_account_expense_id = chosen
        self.meal.with_company(company).property_account_expense_id = False
        run_migration(self.env, "ops_finance", "18.0.1.4.0", "post", "18.0.1.3.0")
        self.assertEqual(self._account(self.travel, company), chosen)
        self.assertEqual(self._account(self.meal, company).code[:6], "560202")
        main = self.env.ref("base.main_company")
        if main.chart_template not in ("cn", "cn_large_bis"):
            self.assertFalse(self._account(self.meal, main), "generic chart: the category's")


@tagged("post_install", "-at_install")
class TestOcaExpenseTermsInChinese(TransactionCase):
    """OCA's hr_expense_tier_validation ships no Chinese; ops_finance does
    (i18n_extra/zh_CN.po), loaded with it."""

    def test_search_filter_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_expense_tier_validation", "ops_finance"], ["zh_CN"]
        )
        view = self.env.ref("hr_expense_tier_validation.hr_expense_sheet_view_search")
        self.assertIn("待我审批", view.with_context(lang="zh_CN").arch_db)
