# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Document",
    "summary": "Internal and external company documents: review and approval on tier "
    "validation, versions, distribution, read acknowledgements, approved destruction",
    "version": "18.0.1.3.0",
    "category": "Productivity",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["ops_org", "ops_confidentiality", "hr", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "security/ops_document_security.xml",
        "security/ops_document_version_security.xml",
        "security/ops_document_acknowledgement_security.xml",
        "security/ops_document_destruction_security.xml",
        "data/ops_document_data.xml",
        "views/ops_document_views.xml",
        "views/ops_document_version_views.xml",
        "views/ops_document_acknowledgement_views.xml",
        "views/ops_document_destruction_views.xml",
        "views/ops_document_menus.xml",
    ],
    "demo": ["demo/ops_document_demo.xml"],
}
