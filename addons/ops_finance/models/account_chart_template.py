# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

# The accounts Odoo's expense categories post to on the Chinese charts: meals
# and gifts are 业务招待费 (entertainment), the others 管理费用 (administrative
# expenses). {category xmlid: {chart: account template xmlid}}.
CN_EXPENSE_ACCOUNTS = {
    "hr_expense.expense_product_meal": {
        "cn": "l10n_cn_account_560202",
        "cn_large_bis": "l10n_cn_large_bis_account_6602",
    },
    "hr_expense.expense_product_gift": {
        "cn": "l10n_cn_account_560202",
        "cn_large_bis": "l10n_cn_large_bis_account_6602",
    },
    "hr_expense.expense_product_travel_accommodation": {
        "cn": "l10n_cn_account_5602",
        "cn_large_bis": "l10n_cn_large_bis_account_6602",
    },
    "hr_expense.expense_product_mileage": {
        "cn": "l10n_cn_account_5602",
        "cn_large_bis": "l10n_cn_large_bis_account_6602",
    },
    "hr_expense.expense_product_communication": {
        "cn": "l10n_cn_account_5602",
        "cn_large_bis": "l10n_cn_large_bis_account_6602",
    },
    "hr_expense.product_product_no_cost": {
        "cn": "l10n_cn_account_5602",
        "cn_large_bis": "l10n_cn_large_bis_account_6602",
    },
}


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        res = super()._post_load_data(template_code, company, template_data)
        self._ops_set_expense_accounts(company or self.env.company)
        return res

    @api.model
    def _ops_set_expense_accounts(self, companies=None):
        """On a Chinese chart, the expense account of each of Odoo's expense
        categories for the company (one already chosen is kept); every
        company when none is given. Other charts keep their income/expense
        category defaults."""
        companies = companies if companies is not None else self.env["res.company"].search([])
        for company in companies.filtered("chart_template"):
            chart = self.with_company(company)
            for category_xmlid, accounts in CN_EXPENSE_ACCOUNTS.items():
                account_xmlid = accounts.get(company.chart_template)
                category = self.env.ref(category_xmlid, raise_if_not_found=False)
                if not (account_xmlid and category):
                    continue
                account = chart.ref(account_xmlid, raise_if_not_found=False)
                category = category.with_company(company)
                if account and not category.property_account_expense_id:
                    category.property_account_expense_id = account
        return True
