# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "OPS Finance",
    "summary": "Department budgets against Accounting, adjustments, expense approvals, cash plan",
    "version": "18.0.1.0.0",
    "category": "Accounting",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_org", "account", "analytic", "hr_expense", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/ops_budget_security.xml",
        "security/ops_budget_adjustment_security.xml",
        "data/account_analytic_plan_data.xml",
        "data/ops_budget_data.xml",
        "views/hr_department_views.xml",
        "views/ops_budget_views.xml",
        "views/ops_budget_adjustment_views.xml",
        "views/ops_finance_menus.xml",
    ],
}
