# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15: the journal entry of a bonus sheet is linked by its step only,
and a confirmed sheet stays confirmed, whoever writes."""

from odoo.tests import tagged

from .common import BonusAccountCommon


@tagged("post_install", "-at_install", "ops_access")
class TestBonusSheetAccountRules(BonusAccountCommon):
    def test_journal_entry_linked_only_by_its_step(self):
        forged = self.env["account.move"].create(
            {"move_type": "entry", "journal_id": self.journal.id, "ref": "Forged"}
        )
        sheet = self.sheet.with_user(self.user_hr_billing)
        error = self.assertRefused(sheet.write, {"move_id": forged.id})
        self.assertIn("changes only through the steps", str(error))
        self.assertFalse(self.sheet.move_id)
        self.create_move(self.user_hr_billing)
        move = self.sheet.move_id
        self.assertTrue(move)
        self.assertRefused(sheet.write, {"move_id": False})
        self.assertRefused(sheet.write, {"move_id": forged.id})
        self.assertEqual(self.sheet.move_id, move)

    def test_confirmed_sheet_stays_confirmed(self):
        for user in (self.user_hr, self.user_hr_billing, self.user_finance):
            with self.subTest(user=user.login):
                self.assertRefused(self.sheet.with_user(user).write, {"state": "draft"})
        self.assertEqual(self.sheet.state, "confirmed")
        # Its entry is still created from it.
        self.create_move()
        self.assertEqual(self.sheet.move_id.state, "draft")
