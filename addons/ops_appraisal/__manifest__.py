# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "OPS Appraisal",
    "summary": "Monthly, quarterly and annual appraisals with weighted criteria and 360 raters",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr", "mail", "ops_org", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/ops_appraisal_security.xml",
        "data/ops_appraisal_data.xml",
        "data/ops_appraisal_honour_data.xml",
        "views/ops_appraisal_template_views.xml",
        "views/ops_appraisal_views.xml",
        "views/ops_appraisal_evaluation_views.xml",
        "views/ops_appraisal_cycle_views.xml",
        "views/ops_appraisal_bonus_views.xml",
        "views/ops_appraisal_honour_views.xml",
        "views/hr_employee_views.xml",
        "report/ops_appraisal_reports.xml",
        "views/ops_appraisal_menus.xml",
    ],
}
