# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Suite",
    "summary": "Installs every addon of the Ops Suite operations-management suite",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "ops_org",
        "ops_project_lifecycle",
        "ops_appraisal",
        "ops_appraisal_project",
        "ops_appraisal_account",
        "ops_finance",
        "ops_finance_reconcile",
        "ops_appraisal_finance",
        "ops_training",
        "ops_confidentiality",
        "ops_attendance",
        "ops_meeting",
        "ops_document",
        "ops_coordination",
    ],
    "assets": {
        "web.assets_tests": ["ops_suite/static/tests/tours/*.js"],
    },
}
