# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged

from odoo.addons.ops_org.tests.common import chinese_company, run_migration

from . import test_ops_appraisal_bonus_sheet as bonus_sheet_tests


@tagged("post_install", "-at_install")
class TestChineseChartBonusAccounts(TransactionCase):
    """A company on a Chinese chart (Odoo's ``l10n_cn``, installed by the
    set-up; the addon does not depend on it) gets its bonus accounts from
    the chart: 应付职工薪酬 (2211) against 管理费用, the miscellaneous journal."""

    def _company(self, chart):
        return chinese_company(self.env, chart)

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


@tagged("post_install", "-at_install")
class TestBonusJournalEntryChineseChart(bonus_sheet_tests.TestBonusJournalEntry):
    """Every test of the bonus journal entry again, in a company in China, in
    CNY, on Odoo's Chinese chart, with the accounts the chart gives: the
    bonuses are owed on 应付职工薪酬 (2211) against 管理费用 (5602)."""

    @classmethod
    def _ops_appraisal_company(cls):
        return chinese_company(cls.env, "cn")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        chart = cls.env["account.chart.template"].with_company(cls.company)
        cls.payable_account = chart.ref("l10n_cn_common_account_2211")
        cls.expense_account = chart.ref("l10n_cn_account_5602")
        cls.journal = chart.ref("general")
        cls.company.write(
            {
                "ops_bonus_expense_account_id": cls.expense_account.id,
                "ops_bonus_payable_account_id": cls.payable_account.id,
                "ops_bonus_journal_id": cls.journal.id,
            }
        )

    def test_owed_on_payroll_payable_in_cny(self):
        self.assertEqual(self.company.currency_id.name, "CNY")
        self.create_move()
        move = self.sheet.move_id
        self.assertEqual(move.currency_id.name, "CNY")
        payable = move.line_ids.filtered(lambda line: line.credit)
        self.assertEqual(payable.account_id.code[:4], "2211")
        self.assertAlmostEqual(payable.credit, self.sheet.total)
