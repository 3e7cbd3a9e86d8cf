# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

from odoo.addons.account.models.chart_template import template

# The bonus accounts of a company on the Chinese charts (企业会计准则 and
# 小企业会计准则): bonuses are 应付职工薪酬 (2211) against 管理费用, posted in the
# miscellaneous journal. Other charts: set in the settings.
BONUS_FIELDS = (
    "ops_bonus_expense_account_id",
    "ops_bonus_payable_account_id",
    "ops_bonus_journal_id",
)


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template("cn_common", "res.company")
    def _get_cn_common_res_company_ops_bonus(self):
        return {
            self.env.company.id: {
                "ops_bonus_payable_account_id": "l10n_cn_common_account_2211",
                "ops_bonus_journal_id": "general",
            }
        }

    @template("cn", "res.company")
    def _get_cn_res_company_ops_bonus(self):
        return {self.env.company.id: {"ops_bonus_expense_account_id": "l10n_cn_account_5602"}}

    @template("cn_large_bis", "res.company")
    def _get_cn_large_bis_res_company_ops_bonus(self):
        return {
            self.env.company.id: {"ops_bonus_expense_account_id": "l10n_cn_large_bis_account_6602"}
        }

    @api.model
    def _ops_set_bonus_defaults(self, companies=None):
        """The bonus accounts and journal of ``companies`` (every company
        when none is given) whose chart was loaded before this addon, from
        their chart's data (those already set are kept)."""
        companies = companies if companies is not None else self.env["res.company"].search([])
        for company in companies.filtered("chart_template"):
            chart = self.with_company(company)
            data = chart._get_chart_template_data(company.chart_template)["res.company"]
            values = {}
            for fname, xmlid in data.get(company.id, {}).items():
                if fname in BONUS_FIELDS and not company[fname]:
                    record = chart.ref(xmlid, raise_if_not_found=False)
                    if record:
                        values[fname] = record.id
            if values:
                company.write(values)
        return True
