# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Confidentiality for Budgets",
    "summary": "Budgets classified: confidential and secret budgets, with their parts and lines, "
    "only for those cleared who need to know",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_confidentiality", "ops_finance"],
    "auto_install": True,
    "data": [
        "security/ops_confidentiality_finance_security.xml",
        "views/ops_budget_views.xml",
        "views/ops_cash_plan_views.xml",
    ],
}
