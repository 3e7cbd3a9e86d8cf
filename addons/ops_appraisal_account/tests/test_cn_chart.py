# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import TransactionCase, tagged

from odoo.addons.ops_org.tests.common import run_migration


@tagged("post_install", "-at_install")
class TestChineseChartBonusAccounts(TransactionCase):
    """A company on a Chinese chart (Odoo's ``l10n_cn``, installed by the
    set-up; the addon does not depend on it) gets its bonus accounts from
    the chart: 应付职工薪酬 (2211) against 管理费用, the miscellaneous journal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("l10n_cn").state != "installed":
            cls.skipTest(cls, "l10n_cn is not installed in this database")

    def _company(self, chart):
        company = self.env["res.company"].create(
            {
                "name": f"数字媒体公司 {chart}",
                "country_id": self.env.ref("base.cn").id,
                "currency_id": self.env.ref("base.CNY").id,
            }
        )
        self.env["account.chart.template"].try_loading(chart, company, install_demo=False)
        return company.with_company(company)

    def test_small_business_chart(self):
        company = self._company("cn")
        chart = self.env["account.chart.template"].with_company(company)
        self.assertEqual(
            company.ops_bonus_payable_account_id, chart.ref("l10n_cn_common_account_2211")
        )
        self.assertEqual(company.ops_bonus_payable_account_id.code[:4], "2211")
        self.assertEqual(company.ops_bonus_expense_account_id, chart.ref("l10n_cn_account_5602"))
        self.assertEqual(company.ops_bonus_journal_id.type, "general")
        self.assertEqual(company.ops_bonus_journal_id.company_id, company)

    def test_enterprise_chart(self):
        company = self._company("cn_large_bis")
        self.assertEqual(company.ops_bonus_payable_account_id.code[:4], "2211")
        self.assertEqual(company.ops_bonus_expense_account_id.code[:4], "6602")

    def test_chart_loaded_before_the_addon(self):
        company = self._company("cn")
        chosen = company.ops_bonus_expense_account_id.copy({"code": "560299"})
        company.write(
            {
                "ops_bonus_payable_account_id": False,
                "ops_bonus_journal_id": False,
                "ops_bonus_expense_account_id": chosen.id,
            }
        )
        self.env["account.chart.template"]._ops_set_bonus_defaults(company)
        self.assertEqual(company.ops_bonus_payable_account_id.code[:4], "2211")
        self.assertEqual(company.ops_bonus_journal_id.type, "general")
        self.assertEqual(company.ops_bonus_expense_account_id, chosen, "a chosen account is kept")

    def test_migration_sets_them_on_an_existing_company(self):
        company = self._company("cn_large_bis")
        company.write(
            {"ops_bonus_payable_account_id": False, "ops_bonus_expense_account_id": False}
        )
        run_migration(self.env, "ops_appraisal_account", "18.0.1.2.0", "post", "18.0.1.1.0")
        self.assertEqual(company.ops_bonus_payable_account_id.code[:4], "2211")
        self.assertEqual(company.ops_bonus_expense_account_id.code[:4], "6602")
