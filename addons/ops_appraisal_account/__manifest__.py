# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Appraisal Accounting",
    "summary": "Draft journal entry of a confirmed bonus sheet, for companies without payroll",
    "version": "18.0.1.2.0",
    "category": "Accounting",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_appraisal", "account"],
    "external_dependencies": {"python": ["openupgradelib"]},
    "auto_install": True,
    "data": [
        "security/ir.model.access.csv",
        "data/account_chart_template_data.xml",
        "views/res_config_settings_views.xml",
        "views/ops_appraisal_bonus_sheet_views.xml",
        "views/account_move_views.xml",
        "views/ops_appraisal_account_menus.xml",
    ],
}
