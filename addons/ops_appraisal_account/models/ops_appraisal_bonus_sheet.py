# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_appraisal.models.ops_appraisal_bonus import (
    OpsAppraisalBonusSheet as BaseBonusSheet,
)

# The amounts of a bonus line booked on the expense account, in line order.
BONUS_KINDS = ("performance_bonus", "year_end_bonus", "project_award")
# The company settings the journal entry needs.
ACCOUNTING_SETTINGS = (
    "ops_bonus_expense_account_id",
    "ops_bonus_payable_account_id",
    "ops_bonus_journal_id",
)
ACCOUNTING_GROUP = "account.group_account_invoice"


class OpsAppraisalBonusSheet(models.Model):
    """Policy §四(二) bonus linkage, for companies that do not use Odoo
    payroll: a confirmed bonus sheet becomes one draft journal entry, the
    bonus expense per department and kind of bonus against the bonus payable
    in total. Accounting posts and pays it."""

    _inherit = "ops.appraisal.bonus.sheet"
    _check_company_auto = True

    # Creating the entry books what was confirmed; it decides nobody's bonus.
    _ops_harmless_methods = (
        *BaseBonusSheet._ops_harmless_methods,
        "action_create_move",
        "action_open_move",
    )

    move_id = fields.Many2one(
        "account.move",
        string="Journal Entry",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        help="The draft journal entry created from this sheet. Once it is cancelled, "
        "a new one can be created.",
    )
    move_state = fields.Selection(related="move_id.state", string="Journal Entry Status")

    def action_create_move(self):
        """Create the draft journal entry of each sheet and open it. Every
        check runs before anything is written."""
        if not self.env.user.has_group(ACCOUNTING_GROUP):
            raise AccessError(
                self.env._(
                    "Only users with Invoicing access rights may create the journal entry "
                    "of a bonus sheet."
                )
            )
        # Of two users creating the entry at once, the second waits for the
        # first, then sees its entry.
        self._ops_lock_rows()
        for sheet in self:
            sheet._ops_check_move_allowed()
        moves = self.env["account.move"]
        for sheet in self:
            move = (
                self.env["account.move"]
                .with_company(sheet.company_id)
                .create(sheet._ops_prepare_move_vals())
            )
            # sudo: Finance reads bonus sheets only; the link to the entry just
            # created is the one thing written (the entry belongs to the step).
            sheet.sudo()._ops_workflow_write({"move_id": move.id})
            move.message_post_with_source(
                "mail.message_origin_link",
                render_values={"self": move, "origin": sheet},
                subtype_xmlid="mail.mt_note",
            )
            moves |= move
        return moves._get_records_action(name=self.env._("Journal Entries"))

    def action_open_move(self):
        self.ensure_one()
        return self.move_id._get_records_action(name=self.env._("Journal Entry"))

    @api.model
    def _ops_owned_fields(self):
        # The journal entry is linked by "Create Journal Entry" only.
        return super()._ops_owned_fields() | {"move_id"}

    def _ops_check_move_allowed(self):
        self.ensure_one()
        if self.state != "confirmed":
            raise UserError(
                self.env._(
                    "Bonus sheet %(sheet)s is not confirmed: confirm it before creating "
                    "its journal entry.",
                    sheet=self.name,
                )
            )
        if self.move_id and self.move_state != "cancel":
            raise UserError(
                self.env._(
                    "Bonus sheet %(sheet)s already has the journal entry %(move)s. "
                    "Cancel that entry to create a new one.",
                    sheet=self.name,
                    move=self.move_id.sudo().display_name,
                )
            )
        if self.currency_id.compare_amounts(self.total, 0.0) <= 0:
            raise UserError(
                self.env._(
                    "Bonus sheet %(sheet)s has no amount to book: its total is zero.",
                    sheet=self.name,
                )
            )
        company = self.company_id
        missing = [
            company._fields[name]._description_string(self.env)
            for name in ACCOUNTING_SETTINGS
            if not company[name]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Bonus sheet %(sheet)s: set %(settings)s of company %(company)s in "
                    "Invoicing > Configuration > Settings > Bonus Sheets.",
                    sheet=self.name,
                    settings=", ".join(missing),
                    company=company.name,
                )
            )

    def _ops_move_date(self, journal):
        """The last day of the appraised period: the bonus is that period's
        expense. When the books are locked on that day, the first open day
        after the lock date."""
        self.ensure_one()
        date = self.cycle_id.date_end
        lock_dates = self.company_id._get_violated_lock_dates(date, False, journal)
        if lock_dates:
            date = lock_dates[-1][0] + timedelta(days=1)
        return date

    def _ops_move_line_label(self, kind, department):
        name = department.display_name if department else self.env._("No department")
        if kind == "performance_bonus":
            return self.env._("Performance bonus – %(department)s", department=name)
        if kind == "year_end_bonus":
            return self.env._("Year-end bonus – %(department)s", department=name)
        return self.env._("Project awards – %(department)s", department=name)

    def _ops_prepare_move_vals(self):
        """One debit line on the expense account per department and kind of
        bonus that is not zero, one credit line on the payable account for
        the total, in company currency."""
        self.ensure_one()
        company = self.company_id
        currency = company.currency_id
        amounts = defaultdict(float)
        for line in self.line_ids:
            for kind in BONUS_KINDS:
                amounts[line.department_id, kind] += line[kind]
        departments = sorted(
            {department for department, _kind in amounts},
            key=lambda department: (department.display_name or "", department.id or 0),
        )
        line_vals = []
        for department in departments:
            for kind in BONUS_KINDS:
                amount = currency.round(amounts[department, kind])
                if currency.is_zero(amount):
                    continue
                line_vals.append(
                    {
                        "name": self._ops_move_line_label(kind, department),
                        "account_id": company.ops_bonus_expense_account_id.id,
                        "balance": amount,
                    }
                )
        total = currency.round(sum(vals["balance"] for vals in line_vals))
        line_vals.append(
            {
                "name": self.env._("Bonuses payable – %(sheet)s", sheet=self.name),
                "account_id": company.ops_bonus_payable_account_id.id,
                "balance": -total,
            }
        )
        journal = company.ops_bonus_journal_id
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "company_id": company.id,
            "currency_id": currency.id,
            "date": self._ops_move_date(journal),
            "ref": self.name,
            "ops_bonus_sheet_id": self.id,
            "line_ids": [Command.create(vals) for vals in line_vals],
        }
