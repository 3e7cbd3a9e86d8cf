# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "OPS Project Lifecycle",
    "summary": "Eight stage gates with typed deliverables, reviews and lead times",
    "version": "18.0.1.1.0",
    "category": "Services/Project",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["project", "ops_org"],
    "data": [
        "security/ops_project_lifecycle_groups.xml",
        "security/ir.model.access.csv",
        "security/ops_project_lifecycle_security.xml",
        "data/ops_project_phase_data.xml",
        "data/tier_definition_data.xml",
        "views/ops_project_gate_views.xml",
        "views/ops_project_deliverable_views.xml",
        "views/ops_project_change_request_views.xml",
        "views/ops_project_phase_views.xml",
        "views/project_project_views.xml",
        "views/project_task_views.xml",
        "report/ops_project_reports.xml",
        "views/ops_project_lifecycle_menus.xml",
    ],
    "demo": ["demo/ops_project_lifecycle_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_project_lifecycle/static/tests/tours/**/*"],
    },
}
