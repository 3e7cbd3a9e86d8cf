# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import TransactionCase, tagged

from odoo.addons.ops_org.tests.common import run_migration


@tagged("post_install", "-at_install", "ops_migration")
class TestFinanceMigration(TransactionCase):
    """18.0.1.1.0 post-migration on a database holding what 18.0.1.0.0 left:
    no expense approval chain (the column the ORM adds is empty)."""

    def _old_shape(self):
        self.env.flush_all()
        self.env.cr.execute("UPDATE res_company SET ops_expense_policy = NULL")
        self.env.invalidate_all()
        companies = self.env["res.company"].search([])
        self.assertFalse(any(companies.mapped("ops_expense_policy")))
        return companies

    def test_existing_companies_get_the_expense_chain(self):
        companies = self._old_shape()
        second = self.env["res.company"].create({"name": "Second Studio"})
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_company SET ops_expense_policy = NULL WHERE id = %s", [second.id]
        )
        run_migration(self.env, "ops_finance", "18.0.1.1.0", "post", "18.0.1.0.0")
        self.assertTrue(all((companies | second).mapped("ops_expense_policy")))

    def test_fresh_install_skips(self):
        companies = self._old_shape()
        run_migration(self.env, "ops_finance", "18.0.1.1.0", "post", None)
        self.assertFalse(any(companies.mapped("ops_expense_policy")))
