# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Confidentiality for Projects",
    "summary": "Projects classified: confidential and secret projects only for those cleared "
    "who need to know; the intellectual property each project uses",
    "version": "18.0.1.2.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_confidentiality", "project"],
    "auto_install": True,
    "data": [
        "security/ops_confidentiality_project_security.xml",
        "views/project_project_views.xml",
    ],
}
