# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import BonusAccountCommon

KINDS = (
    ("performance_bonus", "Performance bonus"),
    ("year_end_bonus", "Year-end bonus"),
    ("project_award", "Project awards"),
)


@tagged("post_install", "-at_install")
class TestBonusJournalEntry(BonusAccountCommon):
    def assertRefused(self, exception, message, user=None):
        """The entry is refused with ``message`` and nothing is written."""
        with self.assertRaises(exception) as caught:
            self.create_move(user)
        self.assertIn(message, str(caught.exception))
        self.assertFalse(self.sheet.move_id)
        self.assertFalse(self.moves())

    # -- the entry ---------------------------------------------------------

    def test_entry_is_a_balanced_draft_of_the_sheet_total(self):
        action = self.create_move()
        move = self.sheet.move_id
        self.assertEqual(self.moves(), move)
        self.assertEqual((action["res_model"], action["res_id"]), ("account.move", move.id))
        self.assertRecordValues(
            move,
            [
                {
                    "state": "draft",
                    "move_type": "entry",
                    "journal_id": self.journal.id,
                    "company_id": self.company.id,
                    "currency_id": self.company.currency_id.id,
                    "date": date(2026, 11, 30),
                    "ref": "Bonus 2026",
                    "ops_bonus_sheet_id": self.sheet.id,
                    "create_uid": self.user_finance.id,
                }
            ],
        )
        self.assertEqual(self.sheet.move_state, "draft")
        self.assertTrue(self.sheet.total > 0)
        debit = sum(move.line_ids.mapped("debit"))
        credit = sum(move.line_ids.mapped("credit"))
        self.assertAlmostEqual(debit, credit)
        self.assertAlmostEqual(debit, self.sheet.total)
        payable = move.line_ids.filtered(lambda line: line.account_id == self.payable_account)
        self.assertEqual(len(payable), 1)
        self.assertEqual(payable.name, "Bonuses payable – Bonus 2026")
        self.assertAlmostEqual(payable.credit, self.sheet.total)
        self.assertFalse(payable.debit)
        self.assertEqual(
            move.line_ids - payable,
            move.line_ids.filtered(lambda line: line.account_id == self.expense_account),
        )

    def test_expense_per_department_and_kind_equals_the_sheet_lines(self):
        self.create_move()
        expense = self.sheet.move_id.line_ids.filtered(
            lambda line: line.account_id == self.expense_account
        )
        self.assertFalse(any(expense.mapped("credit")))
        for department in self.department | self.other_department:
            sheet_lines = self.sheet.line_ids.filtered(
                lambda line, department=department: line.department_id == department
            )
            self.assertTrue(sheet_lines)
            entry_lines = expense.filtered(
                lambda line, department=department: line.name.endswith(f"– {department.name}")
            )
            self.assertAlmostEqual(
                sum(entry_lines.mapped("debit")), sum(sheet_lines.mapped("total"))
            )
            for kind, label in KINDS:
                amount = sum(sheet_lines.mapped(kind))
                line = entry_lines.filtered(
                    lambda line, label=label, department=department: (
                        line.name == f"{label} – {department.name}"
                    )
                )
                if amount:
                    self.assertEqual(len(line), 1, line.name)
                    self.assertAlmostEqual(line.debit, amount)
                else:
                    self.assertFalse(line, f"no {label} line for {department.name}")
        # Only Studio has a project award; both have a performance and year-end bonus.
        self.assertEqual(
            sorted(expense.mapped("name")),
            [
                "Performance bonus – Elsewhere",
                "Performance bonus – Studio",
                "Project awards – Studio",
                "Year-end bonus – Elsewhere",
                "Year-end bonus – Studio",
            ],
        )
        award = expense.filtered(lambda line: line.name == "Project awards – Studio")
        self.assertAlmostEqual(award.debit, 5000.0)

    def test_entry_in_a_locked_period_takes_the_first_open_day(self):
        # The demo bank statements would block the lock; only its date matters here.
        with patch.object(type(self.env["res.company"]), "_validate_locks"):
            self.company.fiscalyear_lock_date = date(2026, 12, 31)
        self.create_move()
        self.assertEqual(self.sheet.move_id.date, date(2027, 1, 1))

    def test_smart_button_opens_the_entry(self):
        self.create_move()
        action = self.sheet.with_user(self.user_finance).action_open_move()
        self.assertEqual(action["res_model"], "account.move")
        self.assertEqual(action["res_id"], self.sheet.move_id.id)

    def test_cancelled_entry_allows_a_new_one(self):
        self.create_move()
        first = self.sheet.move_id
        first.with_user(self.user_finance).button_cancel()
        self.assertEqual(self.sheet.move_state, "cancel")
        self.create_move()
        second = self.sheet.move_id
        self.assertNotEqual(second, first)
        self.assertEqual(second.state, "draft")
        self.assertEqual(first.state, "cancel")
        self.assertEqual(self.moves(), first | second)

    def test_hr_with_accounting_rights_creates_the_entry(self):
        self.create_move(self.user_hr_billing)
        self.assertEqual(self.sheet.move_id.create_uid, self.user_hr_billing)

    def test_hr_sees_the_entry_of_the_sheet(self):
        self.create_move()
        move = self.sheet.move_id
        [values] = self.sheet.with_user(self.user_hr).web_read(
            {"move_id": {"fields": {"display_name": {}}}, "move_state": {}}
        )
        self.assertEqual(values["move_id"], {"id": move.id, "display_name": move.display_name})
        self.assertEqual(values["move_state"], "draft")

    # -- refusals ------------------------------------------------------------

    def test_refused_on_a_sheet_not_confirmed(self):
        self.sheet.state = "draft"
        self.assertRefused(UserError, "Bonus sheet Bonus 2026 is not confirmed")

    def test_refused_without_accounts_or_journal(self):
        self.company.write({"ops_bonus_payable_account_id": False, "ops_bonus_journal_id": False})
        self.assertRefused(UserError, "set Bonus Payable Account, Bonus Journal of company")

    def test_refused_when_an_entry_exists(self):
        self.create_move()
        move = self.sheet.move_id
        with self.assertRaises(UserError) as caught:
            self.create_move()
        self.assertIn(
            f"Bonus sheet Bonus 2026 already has the journal entry {move.display_name}",
            str(caught.exception),
        )
        self.assertEqual(self.moves(), move)
        self.assertEqual(self.sheet.move_id, move)

    def test_refused_when_the_total_is_zero(self):
        self.sheet.state = "draft"
        self.sheet.line_ids.write({"base": 0.0, "year_end_bonus": 0.0, "project_award": 0.0})
        self.sheet.action_confirm()
        self.assertFalse(self.sheet.total)
        self.assertRefused(UserError, "has no amount to book: its total is zero")

    def test_refused_to_hr_without_accounting_rights(self):
        self.assertRefused(AccessError, "Only users with Invoicing access rights", self.user_hr)

    # -- settings -------------------------------------------------------------

    def test_accounts_and_journal_set_in_the_settings(self):
        self.company.write(
            {
                "ops_bonus_expense_account_id": False,
                "ops_bonus_payable_account_id": False,
                "ops_bonus_journal_id": False,
            }
        )
        form = Form(self.env["res.config.settings"])
        form.ops_bonus_journal_id = self.journal
        form.ops_bonus_expense_account_id = self.expense_account
        form.ops_bonus_payable_account_id = self.payable_account
        form.save().execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "ops_bonus_journal_id": self.journal.id,
                    "ops_bonus_expense_account_id": self.expense_account.id,
                    "ops_bonus_payable_account_id": self.payable_account.id,
                }
            ],
        )
        self.create_move()
        self.assertEqual(self.sheet.move_state, "draft")
