# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Confidentiality for Appraisals",
    "summary": "Appraisal results classified: confidential and secret results, with their "
    "evaluations, only for those cleared who need to know",
    "version": "18.0.1.2.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_confidentiality", "ops_appraisal"],
    "auto_install": True,
    "data": [
        "security/ops_confidentiality_appraisal_security.xml",
        "views/ops_appraisal_views.xml",
    ],
}
