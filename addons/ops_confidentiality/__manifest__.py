# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Confidentiality",
    "summary": "Classification with need-to-know access, clearances and NDAs, encrypted "
    "secret attachments, access log, inspections, violation cases, IP register",
    "version": "18.0.1.5.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_org", "hr", "mail", "web"],
    "external_dependencies": {"python": ["cryptography", "openupgradelib"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ops_confidentiality_security.xml",
        "data/ops_confidentiality_data.xml",
        "data/queue_job_data.xml",
        "views/ops_ip_asset_views.xml",
        "views/ops_nda_views.xml",
        "views/ops_inspection_views.xml",
        "views/res_config_settings_views.xml",
        "views/ops_confidentiality_level_wizard_views.xml",
        "views/ops_confidentiality_menus.xml",
        "report/report_templates.xml",
    ],
    "demo": ["demo/ops_confidentiality_demo.xml"],
}
