# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Appraisal Finance",
    "summary": "Department cost-control indicators as a KPI of the appraisal",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_appraisal", "ops_finance"],
    "data": ["views/ops_appraisal_views.xml"],
    "auto_install": True,
}
