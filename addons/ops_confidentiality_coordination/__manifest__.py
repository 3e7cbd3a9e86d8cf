# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Confidentiality for Coordination",
    "summary": "Work contact sheets classified: confidential and secret sheets only for those "
    "cleared who need to know",
    "version": "18.0.1.0.0",
    "category": "Productivity/Discuss",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_confidentiality", "ops_coordination"],
    "auto_install": True,
    "data": [
        "security/ops_confidentiality_coordination_security.xml",
        "views/ops_contact_sheet_views.xml",
    ],
}
