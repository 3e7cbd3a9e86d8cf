# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, formatLang

from odoo.addons.ops_org.models.base import OPS_CLASSIFICATION_FIELDS
from odoo.addons.ops_org.models.ops_workflow_mixin import Transition, ops_workflow_grant

LIQUIDITY_TYPE = "asset_cash"
FINANCE = "ops_org.ops_org_group_finance"

# What a lock leaves open: the main attachment and the classification.
UNLOCKED_FIELDS = OPS_CLASSIFICATION_FIELDS | {"message_main_attachment_id"}


class OpsCashPlan(models.Model):
    """The monthly cash plan (资金计划, policy §六(三)1): finance plans the
    month's income (资金收入) and expenses (资金支出) by fund purpose, from the
    opening balance of the bank and cash accounts to the planned closing
    balance (资金余额); leadership approves it. Set against the posted
    movements of the same accounts in that month. One approved plan per
    company and month: a new version supersedes the old one, which stays
    readable."""

    _name = "ops.cash.plan"
    _description = "Monthly Cash Plan"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "month desc, version desc, id desc"
    _check_company_auto = True

    _state_field = "state"
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _tier_validation_manual_config = False
    _ops_requester_field = "submitted_by_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "rejected"
    # Approved and rejected come from the review (ops_org's tier glue).
    _ops_transitions = {
        "submit": Transition(("draft",), "submitted", (FINANCE,)),
        "draft": Transition(("rejected",), "draft", (FINANCE,)),
        "new_version": Transition(("approved",), None, (FINANCE,)),
        "fill": Transition(("draft",), None, (FINANCE,)),
        # Server code only: the plan a newly approved one replaces.
        "supersede": Transition(("approved",), "superseded"),
    }
    _ops_workflow_fields = ("submitted_by_id", "date_approved", "version", "previous_id")
    # The submitter is the requester of the review: never its approver.
    _ops_subject_fields = ("submitted_by_id",)
    _ops_harmless_methods = (
        "action_submit",
        "action_draft",
        "action_new_version",
        "action_fill_from_schedules",
        "action_open_opening_items",
        "action_open_income_items",
        "action_open_expense_items",
        "action_open_month_items",
    )

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        required=True,
        default=lambda self: self._default_month(),
        tracking=True,
        help="The planned month (stored as its first day).",
    )
    date_to = fields.Date(string="Month End", compute="_compute_date_to", store=True)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "ops.cash.plan", string="Previous Version", readonly=True, copy=False, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("superseded", "Superseded"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)
    note = fields.Html()
    line_ids = fields.One2many("ops.cash.plan.line", "plan_id", string="Lines")
    planned_income = fields.Monetary(compute="_compute_planned", store=True)
    planned_expense = fields.Monetary(compute="_compute_planned", store=True)
    opening_balance = fields.Monetary(
        compute="_compute_actuals",
        help="Balance of the bank and cash accounts at the start of the month (posted "
        "journal items).",
    )
    planned_closing_balance = fields.Monetary(compute="_compute_actuals")
    actual_income = fields.Monetary(
        compute="_compute_actuals",
        help="Posted debits of the bank and cash accounts in the month.",
    )
    actual_expense = fields.Monetary(
        compute="_compute_actuals",
        help="Posted credits of the bank and cash accounts in the month.",
    )
    actual_closing_balance = fields.Monetary(compute="_compute_actuals")
    outstanding_income = fields.Monetary(
        compute="_compute_outstanding",
        help="Payments received in the month and posted to an outstanding account, not yet "
        "on a bank statement: not counted as actual until the bank statement settles them.",
    )
    outstanding_expense = fields.Monetary(
        compute="_compute_outstanding",
        help="Payments made in the month and posted to an outstanding account, not yet on a "
        "bank statement: not counted as actual until the bank statement settles them.",
    )
    variance_amount = fields.Monetary(
        string="Variance",
        compute="_compute_actuals",
        help="Actual closing balance minus planned closing balance.",
    )

    _sql_constraints = [
        (
            "month_version_uniq",
            "unique(company_id, month, version)",
            "A company has one cash plan per month and version.",
        )
    ]

    @api.private
    def init(self):
        # One approved plan per company and month, whatever the code does.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS ops_cash_plan_approved_uniq
                ON ops_cash_plan (company_id, month) WHERE state = 'approved'
            """
        )

    @api.model
    def _default_month(self):
        return fields.Date.context_today(self) + relativedelta(day=1, months=1)

    @api.depends("month", "version")
    def _compute_name(self):
        for plan in self:
            name = plan.month.strftime("%Y-%m") if plan.month else "/"
            plan.name = f"{name} v{plan.version}" if plan.version > 1 else name

    @api.depends("month")
    def _compute_date_to(self):
        for plan in self:
            plan.date_to = plan.month and plan.month + relativedelta(day=31)

    @api.depends("line_ids.planned_amount", "line_ids.direction")
    def _compute_planned(self):
        for plan in self:
            plan.planned_income = sum(
                plan.line_ids.filtered(lambda line: line.direction == "income").mapped(
                    "planned_amount"
                )
            )
            plan.planned_expense = sum(
                plan.line_ids.filtered(lambda line: line.direction == "expense").mapped(
                    "planned_amount"
                )
            )

    @api.depends("month", "company_id", "planned_income", "planned_expense")
    def _compute_actuals(self):
        for plan in self:
            figures = plan._ops_liquidity_figures()
            income = sum(amounts[0] for amounts in figures["purposes"].values())
            expense = sum(amounts[1] for amounts in figures["purposes"].values())
            plan.opening_balance = figures["opening"]
            plan.planned_closing_balance = (
                figures["opening"] + plan.planned_income - plan.planned_expense
            )
            plan.actual_income = income
            plan.actual_expense = expense
            plan.actual_closing_balance = figures["opening"] + income - expense
            plan.variance_amount = plan.actual_closing_balance - plan.planned_closing_balance

    @api.depends("month", "company_id")
    def _compute_outstanding(self):
        for plan in self:
            outstanding = plan._ops_outstanding_payments()
            plan.outstanding_income = sum(amounts[0] for amounts in outstanding.values())
            plan.outstanding_expense = sum(amounts[1] for amounts in outstanding.values())

    @api.constrains("month", "company_id")
    def _check_open_period(self):
        for plan in self:
            lock = plan._ops_lock_date()
            if lock and plan.date_to and plan.date_to <= lock:
                raise ValidationError(
                    self.env._(
                        "%(month)s is closed in Accounting (locked up to %(date)s): it cannot "
                        "be planned.",
                        month=plan.month.strftime("%Y-%m"),
                        date=lock,
                    )
                )

    # -- CRUD --------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # What the caller sends is checked as the mixin does; the version is
        # then the workflow's own (the next one of the month), written under
        # its grant.
        self._ops_check_owned_create(vals_list)
        for vals in vals_list:
            self._ops_normalise_month(vals)
            if vals.get("month") and "version" not in vals:
                company = vals.get("company_id") or self.env.company.id
                latest = self.sudo().search(
                    [("company_id", "=", company), ("month", "=", vals["month"])],
                    order="version desc",
                    limit=1,
                )
                vals["version"] = latest.version + 1 if latest else 1
        with ops_workflow_grant(self._name):
            return super().create(vals_list)

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["state", "date_approved"]

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state", "submitted_by_id"]

    def write(self, vals):
        self._ops_normalise_month(vals)
        if not self._ops_workflow_open() and set(vals) - UNLOCKED_FIELDS:
            locked = self.filtered(lambda p: p.state in ("approved", "superseded"))
            if locked:
                raise UserError(
                    self.env._(
                        "Cash plan %(name)s is approved and locked: plan changes in a new version.",
                        name=locked[0].name,
                    )
                )
        if vals.get("state") == "approved":
            self._ops_supersede_older()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if self.filtered(lambda p: p.state not in ("draft", "rejected")):
            raise UserError(
                self.env._("A submitted or approved cash plan is kept; it cannot be deleted.")
            )

    # -- steps -------------------------------------------------------------

    def action_submit(self):
        """Finance submits the plan to leadership."""
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._("Cash plan %(name)s has no line to approve.", name=plan.name)
                )
        self._check_open_period()
        self._ops_transition("submit", {"submitted_by_id": self.env.uid})
        # A new submission starts the review over (a rejection keeps its
        # reviews until then).
        self._ops_restart_validation()
        self._ops_request_validation()
        return True

    def action_draft(self):
        """A rejected plan goes back to finance."""
        self._ops_transition("draft")
        return True

    def action_new_version(self):
        """Copy an approved plan as the next version of its month, in draft;
        it supersedes this one once approved."""
        self.ensure_one()
        self._ops_transition("new_version")
        new = self._ops_workflow_create(
            self.copy_data({"month": self.month, "previous_id": self.id})
        )
        for line in self.line_ids:
            line.copy({"plan_id": new.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.cash.plan",
            "res_id": new.id,
            "views": [(False, "form")],
        }

    def action_fill_from_schedules(self):
        """Plan what the month is known to bring that is not planned yet:
        the funding schedule items falling due in it that are not done, the
        posted invoices and bills still open and due by its end, and the
        approved expense reports not paid yet. Each adds to the line of its
        direction and fund purpose (created when missing), once."""
        self._ops_transition("fill")
        added = sum(plan._ops_fill_known_items() for plan in self)
        if added:
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "Nothing known falls due in this month that the plan does not hold yet."
                ),
            },
        }

    def _ops_fill_known_items(self):
        """Add the plan's known items (see :meth:`_ops_known_items`) to its
        lines; the number added."""
        self.ensure_one()
        Line = self.env["ops.cash.plan.line"]
        items = self._ops_known_items()
        for direction, purpose, amount, name, link_field, record in items:
            link = {link_field: [Command.link(record.id)]}
            line = self.line_ids.filtered(
                lambda ln, d=direction, p=purpose: ln.direction == d and ln.fund_purpose_id == p
            )[:1]
            if line:
                line.write({"planned_amount": line.planned_amount + amount, **link})
            else:
                Line.create(
                    {
                        "plan_id": self.id,
                        "direction": direction,
                        "fund_purpose_id": purpose.id,
                        "name": name,
                        "planned_amount": amount,
                        **link,
                    }
                )
        return len(items)

    def _ops_known_items(self):
        """What the plan's month is known to bring and the plan does not
        hold yet, as (direction, fund purpose, amount in the company's
        currency, line description, line field linking it, record): funding
        schedule items due in the month and not done; posted customer
        invoices, vendor bills and their refunds not paid and due by the
        month's end; expense reports approved (or posted) and not paid yet,
        to reimburse. Read with the caller's rights: finance sees them all,
        the scheduled job runs as superuser."""
        self.ensure_one()
        company = self.company_id
        lines = self.line_ids
        ref = self.env.ref
        other = ref("ops_finance.ops_fund_purpose_other")
        items = []
        schedules = self.env["ops.funding.schedule"].search(
            [
                ("company_id", "=", company.id),
                ("date", ">=", self.month),
                ("date", "<=", self.date_to),
                ("done", "=", False),
                ("funding_id.state", "in", ("draft", "active")),
                ("id", "not in", lines.funding_schedule_ids.ids),
            ],
            order="date, id",
        )
        for item in schedules:
            amount = item.currency_id._convert(item.amount, self.currency_id, company, item.date)
            items.append(
                (
                    item.direction,
                    item.fund_purpose_id,
                    amount,
                    item.funding_id.display_name,
                    "funding_schedule_ids",
                    item,
                )
            )
        moves = self.env["account.move"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "posted"),
                ("move_type", "in", ("out_invoice", "out_refund", "in_invoice", "in_refund")),
                ("payment_state", "in", ("not_paid", "partial")),
                ("invoice_date_due", "<=", self.date_to),
                ("id", "not in", lines.move_ids.ids),
            ],
            order="invoice_date_due, id",
        )
        receipts = ref("ops_finance.ops_fund_purpose_customer_receipts")
        for move in moves:
            direction = "income" if move.is_inbound() else "expense"
            purpose = move.ops_fund_purpose_id
            if purpose.direction not in (direction, "both"):
                purpose = receipts if move.move_type == "out_invoice" else other
            items.append(
                (
                    direction,
                    purpose,
                    abs(move.amount_residual_signed),
                    self.env._("Invoices and bills"),
                    "move_ids",
                    move,
                )
            )
        sheets = self.env["hr.expense.sheet"].search(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("approve", "post")),
                ("payment_mode", "=", "own_account"),
                ("id", "not in", lines.expense_sheet_ids.ids),
            ],
            order="id",
        )
        reimbursement = ref("ops_finance.ops_fund_purpose_expense_reimbursement")
        for sheet in sheets:
            # Approved: its entry, if any, is a draft; posted: what is left.
            amount = sheet.amount_residual if sheet.state == "post" else sheet.total_amount
            if sheet.company_currency_id != self.currency_id:
                amount = sheet.company_currency_id._convert(
                    amount, self.currency_id, company, self.month
                )
            items.append(
                (
                    "expense",
                    reimbursement,
                    amount,
                    self.env._("Expense reports to reimburse"),
                    "expense_sheet_ids",
                    sheet,
                )
            )
        return [item for item in items if item[2]]

    @api.model
    def _cron_draft_next_month(self):
        """Daily (policy §六(三)1, 每月): from the company's drafting day of
        a month, next month's cash plan is drafted once from what is known
        (:meth:`_ops_known_items`) and finance is told, with a to-do to
        submit it before the month starts. A plan of that month that exists
        already (drafted by hand, or any version) is left alone."""
        today = fields.Date.context_today(self)
        month = today + relativedelta(day=1, months=1)
        for company in self.env["res.company"].search([]):
            day = min(max(company.ops_cash_plan_day or 20, 1), 28)
            if today.day < day:
                continue
            if self.with_context(active_test=False).search_count(
                [("company_id", "=", company.id), ("month", "=", month)]
            ):
                continue
            plan = self.with_company(company).create({"month": month, "company_id": company.id})
            plan._ops_fill_known_items()
            finance = self._ops_group_users(FINANCE, company=company)
            deadline = month - relativedelta(days=1)
            if finance:
                plan.activity_schedule(
                    act_type_xmlid="mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=self.env._(
                        "Review and submit the cash plan of %(month)s", month=plan.name
                    ),
                    user_id=finance.sorted("id")[0].id,
                )
            plan.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "The cash plan of %(month)s is drafted from the funding schedules and the "
                    "known commitments (%(income)s in, %(expense)s out): complete it and submit "
                    "it to leadership by %(date)s.",
                    month=plan.name,
                    income=formatLang(self.env, plan.planned_income, currency_obj=plan.currency_id),
                    expense=formatLang(
                        self.env, plan.planned_expense, currency_obj=plan.currency_id
                    ),
                    date=deadline,
                ),
                partner_ids=finance.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _ops_on_validated(self):
        self.ensure_one()
        # sudo: the leader who approved may not write cash plans; only the
        # approval date of the plan they approved is written.
        self.sudo()._ops_workflow_write({"date_approved": fields.Date.context_today(self)})

    def _ops_supersede_older(self):
        """Before a plan is approved, the plan approved so far for its
        company and month is superseded."""
        for plan in self:
            older = (
                self.sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("company_id", "=", plan.company_id.id),
                        ("month", "=", plan.month),
                        ("state", "=", "approved"),
                        ("id", "!=", plan.id),
                    ]
                )
            )
            if older:
                # sudo (above): the older plan is superseded, nothing else.
                older._ops_transition("supersede")
                older.flush_recordset(["state"])

    # -- drill-down ----------------------------------------------------------

    def action_open_opening_items(self):
        self.ensure_one()
        return self._ops_journal_items_action(
            self._ops_liquidity_domain(before=True), self.env._("Opening Balance")
        )

    def action_open_income_items(self):
        self.ensure_one()
        return self._ops_journal_items_action(
            self._ops_liquidity_domain(direction="income"), self.env._("Actual Income")
        )

    def action_open_expense_items(self):
        self.ensure_one()
        return self._ops_journal_items_action(
            self._ops_liquidity_domain(direction="expense"), self.env._("Actual Expense")
        )

    def action_open_month_items(self):
        self.ensure_one()
        return self._ops_journal_items_action(
            self._ops_liquidity_domain(), self.env._("Bank and Cash Movements")
        )

    # -- business ------------------------------------------------------------

    def _ops_liquidity_domain(self, direction=None, purpose=None, before=False):
        """Posted journal items on the company's bank and cash accounts in the
        month (or before it), optionally in one direction and of one fund
        purpose (``False``: without purpose)."""
        self.ensure_one()
        domain = [
            ("parent_state", "=", "posted"),
            ("company_id", "=", self.company_id.id),
            ("account_id.account_type", "=", LIQUIDITY_TYPE),
        ]
        if before:
            domain.append(("date", "<", self.month))
        else:
            domain += [("date", ">=", self.month), ("date", "<=", self.date_to)]
        if direction == "income":
            domain.append(("debit", ">", 0))
        elif direction == "expense":
            domain.append(("credit", ">", 0))
        if purpose is not None:
            domain.append(("move_id.ops_fund_purpose_id", "=", purpose.id if purpose else False))
        return domain

    def _ops_journal_items_action(self, domain, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "domain": domain,
            "context": {"create": False, "search_default_group_by_move": 0},
        }

    def _ops_liquidity_figures(self):
        """Opening balance and, per fund purpose (``None`` for entries without
        one), the (income, expense) of the bank and cash accounts in the
        month, from posted journal items. One query."""
        self.ensure_one()
        result = {"opening": 0.0, "purposes": defaultdict(lambda: (0.0, 0.0))}
        if not (self.month and self.company_id):
            return result
        self.env["account.move.line"].flush_model(
            ["parent_state", "company_id", "account_id", "date", "balance", "debit", "credit"]
        )
        self.env["account.move"].flush_model(["ops_fund_purpose_id"])
        self.env["account.account"].flush_model(["account_type"])
        self.env.cr.execute(
            SQL(
                """
                SELECT m.ops_fund_purpose_id,
                       COALESCE(SUM(aml.balance) FILTER (WHERE aml.date < %(start)s), 0),
                       COALESCE(SUM(aml.debit) FILTER (WHERE aml.date >= %(start)s), 0),
                       COALESCE(SUM(aml.credit) FILTER (WHERE aml.date >= %(start)s), 0)
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN account_move m ON m.id = aml.move_id
                 WHERE aml.parent_state = 'posted'
                   AND aml.company_id = %(company)s
                   AND acc.account_type = %(type)s
                   AND aml.date <= %(end)s
                 GROUP BY m.ops_fund_purpose_id
                """,
                start=self.month,
                end=self.date_to,
                company=self.company_id.id,
                type=LIQUIDITY_TYPE,
            )
        )
        for purpose_id, opening, income, expense in self.env.cr.fetchall():
            result["opening"] += float(opening)
            if income or expense:
                result["purposes"][purpose_id] = (float(income), float(expense))
        return result

    def _ops_outstanding_domain(self):
        """Payments of the month posted to an outstanding account (Odoo's
        default set-up) and not yet matched with a bank statement line."""
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("state", "in", ("in_process", "paid")),
            ("date", ">=", self.month),
            ("date", "<=", self.date_to),
            ("is_matched", "=", False),
            ("outstanding_account_id.account_type", "!=", LIQUIDITY_TYPE),
        ]

    def _ops_outstanding_payments(self):
        """{fund purpose id (or None): (received, paid)} of the payments of
        the month not yet on the bank, in the company's currency."""
        self.ensure_one()
        result = defaultdict(lambda: (0.0, 0.0))
        if not (self.month and self.company_id):
            return result
        # sudo: sums per fund purpose of the plan's company and month, the
        # figures the plan shows to whoever may read it (Leadership, who
        # approves it, reads no payment), as its actuals are; no payment is
        # shown or returned.
        groups = (
            self.env["account.payment"]
            .sudo()
            ._read_group(
                self._ops_outstanding_domain(),
                ["ops_fund_purpose_id", "payment_type"],
                ["amount_company_currency_signed:sum"],
            )
        )
        for purpose, payment_type, amount in groups:
            received, paid = result[purpose.id or None]
            if payment_type == "inbound":
                received += abs(amount)
            else:
                paid += abs(amount)
            result[purpose.id or None] = (received, paid)
        return result

    @api.model
    def _ops_planned_expense(self, company, day):
        """{fund purpose id: planned expense} of the approved plan of the
        company for the month of ``day``."""
        lines = self.env["ops.cash.plan.line"].search(
            [
                ("plan_id.state", "=", "approved"),
                ("plan_id.company_id", "=", company.id),
                ("plan_id.month", "=", day + relativedelta(day=1)),
                ("direction", "=", "expense"),
            ]
        )
        planned = defaultdict(float)
        for line in lines:
            planned[line.fund_purpose_id.id] += line.planned_amount
        return dict(planned)

    @api.model
    def _ops_demo_populate(self, finance, leader, bank_partner):
        """Demo data: a bank loan taken three months ago with its schedule
        (past items done), this month's cash plan filled from it and
        approved, and some bank movements of the month with their fund
        purposes. Runs once."""
        company = self.env.ref("base.main_company")
        month = fields.Date.context_today(self) + relativedelta(day=1)
        if self.search([("company_id", "=", company.id), ("month", "=", month)]):
            return
        finance = self.env["res.users"].browse(finance)
        leader = self.env["res.users"].browse(leader)
        ref = self.env.ref
        loan = (
            self.env["ops.funding"]
            .with_user(finance)
            .with_company(company)
            .create(
                {
                    "kind": "bank_loan",
                    "partner_id": bank_partner,
                    "amount": 5000000.0,
                    "date": month - relativedelta(months=3),
                    "interest_rate": 4.35,
                    "term_months": 36,
                    "fund_purpose_id": ref("ops_finance.ops_fund_purpose_production").id,
                    "purpose": self.env._("Working capital for the production of the 2026 series."),
                }
            )
        )
        loan.action_generate_schedule()
        loan.schedule_ids.filtered(lambda s: s.date < month).write({"done": True})
        loan.action_activate()
        plan = self.with_user(finance).with_company(company).create({"month": month})
        planned = [
            ("income", "ops_fund_purpose_customer_receipts", 1200000.0),
            ("expense", "ops_fund_purpose_salaries", 480000.0),
            ("expense", "ops_fund_purpose_rent_office", 90000.0),
            ("expense", "ops_fund_purpose_production", 650000.0),
            ("expense", "ops_fund_purpose_marketing", 120000.0),
            ("expense", "ops_fund_purpose_taxes", 60000.0),
        ]
        self.env["ops.cash.plan.line"].with_user(finance).create(
            [
                {
                    "plan_id": plan.id,
                    "direction": direction,
                    "fund_purpose_id": ref(f"ops_finance.{xmlid}").id,
                    "planned_amount": amount,
                }
                for direction, xmlid, amount in planned
            ]
        )
        plan.with_user(finance).action_fill_from_schedules()
        plan.with_user(finance).action_submit()
        plan.with_user(leader)._ops_approve()
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        other = self.env["account.account"].search(
            [("company_ids", "in", company.id), ("account_type", "=", "liability_current")],
            limit=1,
        )
        if not (journal.default_account_id and other):
            return
        movements = [
            ("ops_fund_purpose_loan_proceeds", 5000000.0, loan.date),
            ("ops_fund_purpose_customer_receipts", 380000.0, month),
            ("ops_fund_purpose_salaries", -478500.0, month),
            ("ops_fund_purpose_rent_office", -90000.0, month),
            ("ops_fund_purpose_marketing", -135000.0, month),
            (False, -8800.0, month),
        ]
        for xmlid, amount, day in movements:
            move = self.env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": day,
                    "ops_fund_purpose_id": xmlid and ref(f"ops_finance.{xmlid}").id,
                    "line_ids": [
                        Command.create(
                            {
                                "name": self.env._("Bank movement"),
                                "account_id": journal.default_account_id.id,
                                "debit": max(amount, 0.0),
                                "credit": max(-amount, 0.0),
                            }
                        ),
                        Command.create(
                            {
                                "name": self.env._("Bank movement"),
                                "account_id": other.id,
                                "debit": max(-amount, 0.0),
                                "credit": max(amount, 0.0),
                            }
                        ),
                    ],
                }
            )
            move.action_post()

    def _ops_lock_date(self):
        self.ensure_one()
        company = self.company_id.sudo()
        if not company:
            return None
        return company._get_user_fiscal_lock_date(self.env["account.journal"])

    def _ops_normalise_month(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]) + relativedelta(day=1)

    def _ops_check_editable(self):
        for plan in self:
            if plan.state != "draft" and not self.env.su:
                raise UserError(
                    self.env._(
                        "Cash plan %(name)s is %(state)s: only a draft plan can change.",
                        name=plan.name,
                        state=plan._ops_selection_label("state"),
                    )
                )


class OpsCashPlanLine(models.Model):
    """Planned income or expense of one fund purpose in the month, set
    against the posted movements of the bank and cash accounts whose entry
    carries that purpose."""

    _name = "ops.cash.plan.line"
    _ops_classified_by = "plan_id"  # confidentiality follows it (ops_org base)
    _description = "Cash Plan Line"
    _order = "plan_id, direction desc, sequence, id"
    _ops_harmless_methods = ("action_open_journal_items",)

    plan_id = fields.Many2one("ops.cash.plan", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    month = fields.Date(related="plan_id.month", store=True)
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    direction = fields.Selection(
        [("income", "Income"), ("expense", "Expense")], required=True, default="expense"
    )
    fund_purpose_id = fields.Many2one(
        "ops.fund.purpose",
        required=True,
        index=True,
        domain="[('direction', 'in', (direction, 'both'))]",
    )
    name = fields.Char(string="Description")
    planned_amount = fields.Monetary(string="Planned", ops_min=0)
    actual_amount = fields.Monetary(string="Actual", compute="_compute_actual_amount")
    variance_amount = fields.Monetary(
        string="Variance",
        compute="_compute_actual_amount",
        help="Actual minus planned.",
    )
    # What the line was filled from (copied with the line into a new
    # version: filling that version again adds none of them twice).
    outstanding_amount = fields.Monetary(
        string="Outstanding",
        compute="_compute_outstanding_amount",
        help="Payments of the month with this purpose not yet on the bank (outstanding "
        "account): they become actual when the bank statement settles them.",
    )
    funding_schedule_ids = fields.Many2many("ops.funding.schedule", string="Funding Schedule Items")
    move_ids = fields.Many2many("account.move", string="Invoices and Bills")
    expense_sheet_ids = fields.Many2many("hr.expense.sheet", string="Expense Reports")

    def _compute_actual_amount(self):
        for plan, lines in self.grouped("plan_id").items():
            figures = plan._ops_liquidity_figures()["purposes"] if plan else {}
            for line in lines:
                income, expense = figures.get(line.fund_purpose_id.id, (0.0, 0.0))
                line.actual_amount = income if line.direction == "income" else expense
                line.variance_amount = line.actual_amount - line.planned_amount

    def _compute_outstanding_amount(self):
        for plan, lines in self.grouped("plan_id").items():
            outstanding = plan._ops_outstanding_payments() if plan else {}
            for line in lines:
                received, paid = outstanding.get(line.fund_purpose_id.id, (0.0, 0.0))
                line.outstanding_amount = received if line.direction == "income" else paid

    @api.constrains("planned_amount")
    def _check_planned_amount(self):
        for line in self:
            if line.planned_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(purpose)s: a planned amount cannot be negative.",
                        purpose=line.fund_purpose_id.display_name,
                    )
                )

    @api.constrains("direction", "fund_purpose_id", "plan_id")
    def _check_purpose(self):
        for line in self:
            purpose = line.fund_purpose_id
            if purpose.direction not in (line.direction, "both"):
                raise ValidationError(
                    self.env._(
                        "%(purpose)s is not a fund purpose of this direction.",
                        purpose=purpose.display_name,
                    )
                )
            twins = line.plan_id.line_ids.filtered(
                lambda ln, this=line: (
                    ln != this
                    and ln.direction == this.direction
                    and ln.fund_purpose_id == this.fund_purpose_id
                )
            )
            if twins:
                raise ValidationError(
                    self.env._(
                        "Cash plan %(plan)s already has a line for %(purpose)s: plan each fund "
                        "purpose once per direction.",
                        plan=line.plan_id.name,
                        purpose=purpose.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["ops.cash.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        plans._ops_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._ops_check_editable()
        return super().write(vals)

    def unlink(self):
        self.plan_id._ops_check_editable()
        return super().unlink()

    def action_open_journal_items(self):
        self.ensure_one()
        return self.plan_id._ops_journal_items_action(
            self.plan_id._ops_liquidity_domain(
                direction=self.direction, purpose=self.fund_purpose_id
            ),
            self.fund_purpose_id.display_name,
        )
