# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Coordination",
    "summary": "Work contact sheets between departments with escalation, department channels",
    "version": "18.0.1.0.0",
    "category": "Productivity/Discuss",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_org", "mail", "hr", "resource"],
    "data": [
        "security/ir.model.access.csv",
        "security/ops_contact_sheet_security.xml",
        "security/ops_contact_sheet_response_security.xml",
        "data/ops_coordination_data.xml",
        "views/ops_contact_sheet_views.xml",
        "views/ops_contact_sheet_response_views.xml",
        "views/hr_department_views.xml",
        "wizards/ops_contact_sheet_step_views.xml",
        "views/ops_coordination_menus.xml",
    ],
    "demo": ["demo/ops_coordination_demo.xml"],
}
