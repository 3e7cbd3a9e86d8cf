# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "OPS Organisation",
    "summary": "Departments, duty charters, roles and the suite's approval authority",
    "version": "18.0.1.3.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "depends": ["hr", "mail", "base_tier_validation"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ops_org_groups.xml",
        "security/ir.model.access.csv",
        "security/ops_org_security.xml",
        "data/ops_org_data.xml",
        "data/hr_department_data.xml",
        "views/hr_department_views.xml",
        "views/tier_review_views.xml",
        "views/tier_definition_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/ops_approval_reject_views.xml",
        "views/ops_org_menus.xml",
    ],
    "demo": ["demo/ops_org_demo.xml"],
    "assets": {
        "web.assets_backend": ["ops_org/static/src/**/*"],
        "web.assets_tests": ["ops_org/static/tests/tours/**/*"],
    },
}
