# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Appraisal Project",
    "summary": "Project awards for the projects accepted in the appraisal period",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_appraisal", "ops_project_lifecycle"],
    "data": [
        "security/ir.model.access.csv",
        "views/project_project_views.xml",
        "views/ops_appraisal_views.xml",
    ],
    "auto_install": True,
}
