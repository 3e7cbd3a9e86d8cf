# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Finance Reconciliation",
    "summary": "Bank statements imported from a Chinese bank's CSV file and reconciled on OCA's "
    "screen with their fund purposes",
    "version": "18.0.1.0.0",
    "category": "Accounting",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "ops_finance",
        "account_reconcile_oca",
        "account_statement_import_sheet_file",
    ],
    "auto_install": True,
    "data": [
        "security/ops_finance_reconcile_security.xml",
        "data/account_statement_import_sheet_mapping_data.xml",
        "views/account_bank_statement_line_views.xml",
    ],
    "demo": ["demo/bank_statement_demo.xml"],
}
