# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registry cases of ops_document (``ops_cases.py``) are complete and
hold."""

from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OpsCasesCommon


@tagged("post_install", "-at_install", "ops_access")
class TestDocumentCases(OpsCasesCommon):
    ops_module = "ops_document"
    ops_workflow_models = (
        "ops.document",
        "ops.document.acknowledgement",
        "ops.document.destruction",
        "ops.document.version",
    )
