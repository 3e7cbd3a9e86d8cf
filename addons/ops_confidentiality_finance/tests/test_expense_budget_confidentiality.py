# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.ops_finance.tests.test_ops_expense import ExpenseCommon


@tagged("post_install", "-at_install")
class TestExpenseAgainstAConfidentialBudget(ExpenseCommon):
    """The budget check of an expense report still runs against a
    confidential budget, but does not tell the claimant, who may not read
    that budget, what is left of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_line(cls.part, month="1", amount=1000.0)
        cls.add_line(cls.other_part, month="1", amount=1000.0, user=cls.user_other_head)
        cls.approve_budget()
        cls.budget.sudo().write({"ops_level": "confidential"})
        cls.budget.sudo().write({"ops_need_to_know_user_ids": [Command.set(cls.user_finance.ids)]})

    def test_warning_says_nothing_of_what_is_left(self):
        self.post_item(800.0, "2027-01-10")
        sheet = self.make_sheet(amount=400.0)
        self.submit(sheet)
        warning = sheet.ops_budget_warning
        self.assertIn("budget left not told (the budget is confidential)", warning)
        self.assertNotIn("200", warning)
        chatter = " ".join(sheet.sudo().message_ids.mapped("body"))
        self.assertNotIn("200", chatter)

    def test_block_says_nothing_of_what_is_left(self):
        self.env.company.ops_expense_budget_check = "block"
        sheet = self.make_sheet(amount=1500.0)
        with self.assertRaisesRegex(UserError, "the budget is confidential") as caught:
            self.submit(sheet)
        self.assertNotIn("1,000", str(caught.exception))
        self.assertNotIn("1000", str(caught.exception))
        self.assertEqual(sheet.state, "draft")
