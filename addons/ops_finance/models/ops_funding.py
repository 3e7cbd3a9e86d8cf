# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

FINANCE = "ops_org.ops_org_group_finance"

# Fund purpose planned by default for a schedule item, by kind of funding
# and kind of item (XML ids of the purposes shipped in data).
DRAWDOWN_PURPOSES = {
    "bank_loan": "ops_finance.ops_fund_purpose_loan_proceeds",
    "equity": "ops_finance.ops_fund_purpose_equity_proceeds",
    "bond": "ops_finance.ops_fund_purpose_bond_proceeds",
}
ITEM_PURPOSES = {
    "repayment": "ops_finance.ops_fund_purpose_loan_repayment",
    "interest": "ops_finance.ops_fund_purpose_loan_repayment",
    "dividend": "ops_finance.ops_fund_purpose_dividends",
}


class OpsFunding(models.Model):
    """A funding record (资金筹集, policy §六(三)2): a bank loan, an equity
    financing or a bond financing with its counterparty, amount, rate, term,
    declared purpose and the schedule of its drawdowns, repayments,
    interest or coupons and dividends."""

    _name = "ops.funding"
    _description = "Funding Record"
    _inherit = ["ops.workflow.mixin", "mail.thread.main.attachment", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _ops_transitions = {
        "activate": Transition(("draft",), "active", (FINANCE,)),
        "close": Transition(("active",), "closed", (FINANCE,)),
        "draft": Transition(("active",), "draft", (FINANCE,)),
        "generate_schedule": Transition(("draft",), None, (FINANCE,)),
    }
    _ops_harmless_methods = (
        "action_activate",
        "action_close",
        "action_draft",
        "action_generate_schedule",
    )

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    kind = fields.Selection(
        [
            ("bank_loan", "Bank Loan"),
            ("equity", "Equity Financing"),
            ("bond", "Bond Financing"),
        ],
        string="Financing Method",
        required=True,
        default="bank_loan",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Counterparty", required=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        tracking=True,
    )
    amount = fields.Monetary(required=True, tracking=True, ops_min=0)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    interest_rate = fields.Float(
        string="Interest Rate (%)",
        digits=(16, 4),
        tracking=True,
        ops_min=0,
        ops_max=100,
        help="Yearly rate of the loan or coupon rate of the bond.",
    )
    term_months = fields.Integer(string="Term (Months)", tracking=True, ops_min=0, ops_max=1200)
    date_maturity = fields.Date(
        string="Maturity",
        compute="_compute_date_maturity",
        store=True,
        readonly=False,
        tracking=True,
    )
    purpose = fields.Text(string="Declared Purpose", help="What the funds are raised for.")
    fund_purpose_id = fields.Many2one(
        "ops.fund.purpose",
        string="Declared Fund Purpose",
        domain="[('direction', 'in', ('expense', 'both'))]",
        help="The use the funds are declared for; payments of it carry this purpose.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="Finance officer reminded before each schedule item falls due.",
    )
    schedule_ids = fields.One2many("ops.funding.schedule", "funding_id")
    received_amount = fields.Monetary(compute="_compute_amounts", string="Received")
    repaid_amount = fields.Monetary(compute="_compute_amounts", string="Repaid")
    outstanding_amount = fields.Monetary(compute="_compute_amounts", string="Outstanding")
    note = fields.Html()

    @api.depends("date", "term_months")
    def _compute_date_maturity(self):
        for funding in self:
            if funding.date and funding.term_months:
                funding.date_maturity = funding.date + relativedelta(months=funding.term_months)
            else:
                funding.date_maturity = funding.date_maturity

    @api.depends("schedule_ids.amount", "schedule_ids.kind", "schedule_ids.done", "amount")
    def _compute_amounts(self):
        for funding in self:
            done = funding.schedule_ids.filtered("done")
            funding.received_amount = sum(
                done.filtered(lambda s: s.kind == "drawdown").mapped("amount")
            )
            funding.repaid_amount = sum(
                done.filtered(lambda s: s.kind == "repayment").mapped("amount")
            )
            funding.outstanding_amount = (
                funding.received_amount - funding.repaid_amount if funding.kind != "equity" else 0.0
            )

    @api.constrains("amount", "interest_rate", "term_months")
    def _check_amounts(self):
        for funding in self:
            if funding.currency_id.compare_amounts(funding.amount, 0.0) <= 0:
                raise ValidationError(
                    self.env._("Funding %(name)s: the amount must be positive.", name=funding.name)
                )
            if funding.interest_rate < 0 or funding.term_months < 0:
                raise ValidationError(
                    self.env._(
                        "Funding %(name)s: the interest rate and the term cannot be negative.",
                        name=funding.name,
                    )
                )

    @api.constrains("date", "date_maturity")
    def _check_dates(self):
        for funding in self:
            if funding.date_maturity and funding.date_maturity < funding.date:
                raise ValidationError(
                    self.env._(
                        "Funding %(name)s: the maturity comes after the funding date.",
                        name=funding.name,
                    )
                )
        self.schedule_ids._check_date()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("ops.funding") or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if self.filtered(lambda f: f.state != "draft"):
            raise UserError(self.env._("Only a draft funding record can be deleted."))

    # -- steps -------------------------------------------------------------

    def action_activate(self):
        self._ops_transition("activate")
        return True

    def action_close(self):
        self._ops_transition("close")
        return True

    def action_draft(self):
        self._ops_transition("draft")
        return True

    def action_generate_schedule(self):
        """Replace the open items of a draft record by the standard schedule:
        the drawdown (receipt) on the funding date; for loans and bonds, the
        monthly interest (coupon) over the term and the repayment at
        maturity."""
        self._ops_transition("generate_schedule")
        for funding in self:
            funding.schedule_ids.filtered(lambda s: not s.done).unlink()
            items = [{"date": funding.date, "kind": "drawdown", "amount": funding.amount}]
            if funding.kind != "equity" and funding.term_months:
                monthly = funding.currency_id.round(
                    funding.amount * funding.interest_rate / 100.0 / 12.0
                )
                if monthly:
                    items += [
                        {
                            "date": funding.date + relativedelta(months=month),
                            "kind": "interest",
                            "amount": monthly,
                        }
                        for month in range(1, funding.term_months + 1)
                    ]
                items.append(
                    {
                        "date": funding.date_maturity
                        or funding.date + relativedelta(months=funding.term_months),
                        "kind": "repayment",
                        "amount": funding.amount,
                    }
                )
            funding.write({"schedule_ids": [Command.create(vals) for vals in items]})
        return True

    def _ops_finance_user(self):
        """Who is reminded: the responsible when they are in finance,
        otherwise the first finance officer of the company."""
        self.ensure_one()
        finance = (
            self.env.ref("ops_org.ops_org_group_finance")
            .sudo()
            .users.filtered(lambda u: not u.share and self.company_id in u.company_ids)
        )
        if self.user_id in finance:
            return self.user_id
        return finance.sorted("id")[:1]


class OpsFundingSchedule(models.Model):
    """One dated item of a funding: a drawdown or receipt, a repayment, an
    interest or coupon payment, a dividend; planned into the cash plan of
    its month and reminded to finance before it falls due."""

    _name = "ops.funding.schedule"
    _description = "Funding Schedule Item"
    _order = "date, id"
    _check_company_auto = True
    _ops_harmless_methods = ("action_ops_pay",)

    funding_id = fields.Many2one("ops.funding", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="funding_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="funding_id.currency_id", store=True)
    funding_kind = fields.Selection(related="funding_id.kind", string="Financing Method")
    date = fields.Date(required=True, index=True)
    kind = fields.Selection(
        [
            ("drawdown", "Drawdown / Receipt"),
            ("repayment", "Repayment"),
            ("interest", "Interest / Coupon"),
            ("dividend", "Dividend"),
        ],
        required=True,
        default="interest",
    )
    direction = fields.Selection(
        [("income", "Income"), ("expense", "Expense")],
        compute="_compute_direction",
        store=True,
        precompute=True,
    )
    amount = fields.Monetary(required=True, ops_min=0)
    fund_purpose_id = fields.Many2one(
        "ops.fund.purpose",
        compute="_compute_fund_purpose_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        domain="[('direction', 'in', (direction, 'both'))]",
    )
    payment_id = fields.Many2one(
        "account.payment",
        check_company=True,
        copy=False,
        domain="[('company_id', '=', company_id)]",
        help="The payment that settled this item.",
    )
    done = fields.Boolean(
        compute="_compute_done",
        store=True,
        readonly=False,
        copy=False,
        help="Paid or received; set by hand or by the linked payment.",
    )
    reminded = fields.Boolean(
        string="Reminder Sent", readonly=True, copy=False, help="Finance has been reminded."
    )
    name = fields.Char(string="Description")

    def action_ops_pay(self):
        """A draft payment of the item — counterparty, amount, date and the
        item's fund purpose proposed — linked to it and opened for finance to
        check and confirm; the item is done once the payment is posted."""
        self.ensure_one()
        if self.payment_id:
            raise UserError(
                self.env._(
                    "%(item)s already has its payment %(payment)s.",
                    item=self.display_name,
                    payment=self.payment_id.display_name,
                )
            )
        income = self.direction == "income"
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound" if income else "outbound",
                "partner_type": "customer" if income else "supplier",
                "partner_id": self.funding_id.partner_id.id,
                "amount": self.amount,
                "currency_id": self.currency_id.id,
                "date": self.date,
                "company_id": self.company_id.id,
                "ops_fund_purpose_id": self.fund_purpose_id.id,
                "memo": self.display_name,
            }
        )
        self.payment_id = payment
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": payment.id,
            "views": [(False, "form")],
        }

    @api.depends("kind")
    def _compute_direction(self):
        for item in self:
            item.direction = "income" if item.kind == "drawdown" else "expense"

    @api.depends("kind", "funding_id.kind")
    def _compute_fund_purpose_id(self):
        for item in self:
            xmlid = (
                DRAWDOWN_PURPOSES.get(item.funding_id.kind)
                if item.kind == "drawdown"
                else ITEM_PURPOSES.get(item.kind)
            )
            purpose = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
            item.fund_purpose_id = purpose or item.fund_purpose_id

    @api.depends("payment_id.state")
    def _compute_done(self):
        for item in self:
            item.done = (
                item.payment_id.sudo().state in ("in_process", "paid")
                if item.payment_id
                else item.done
            )

    @api.constrains("date", "funding_id")
    def _check_date(self):
        for item in self:
            if item.date and item.funding_id.date and item.date < item.funding_id.date:
                raise ValidationError(
                    self.env._(
                        "Funding %(name)s: a schedule item (%(date)s) cannot come before the "
                        "funding date (%(funding_date)s).",
                        name=item.funding_id.name,
                        date=item.date,
                        funding_date=item.funding_id.date,
                    )
                )

    @api.constrains("amount")
    def _check_amount(self):
        for item in self:
            if item.currency_id.compare_amounts(item.amount, 0.0) <= 0:
                raise ValidationError(
                    self.env._(
                        "Funding %(name)s: a schedule item has a positive amount.",
                        name=item.funding_id.name,
                    )
                )

    @api.depends("funding_id.name", "kind", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for item in self:
            item.display_name = f"{item.funding_id.name} {labels.get(item.kind, '')} {item.date}"

    @api.model
    def _cron_funding_reminders(self):
        """An activity on the funding for finance when an open item falls due
        within the company's reminder period; once per item."""
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].search([])
        horizon = max(companies.mapped("ops_funding_reminder_days") or [0])
        items = self.search(
            [
                ("done", "=", False),
                ("reminded", "=", False),
                ("funding_id.state", "in", ("draft", "active")),
                ("date", ">=", today),
                ("date", "<=", today + timedelta(days=horizon)),
            ]
        )
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for item in items:
            days = item.company_id.ops_funding_reminder_days
            if item.date > today + timedelta(days=days):
                continue
            funding = item.funding_id
            user = funding._ops_finance_user()
            if user:
                funding.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=item.date,
                    summary=self.env._(
                        "%(kind)s due on %(date)s", kind=labels[item.kind], date=item.date
                    ),
                    note=Markup("<p>%s</p>")
                    % self.env._(
                        "%(funding)s: %(kind)s of %(amount)s %(currency)s falls due on %(date)s.",
                        funding=funding.name,
                        kind=labels[item.kind],
                        amount=item.amount,
                        currency=item.currency_id.name,
                        date=item.date,
                    ),
                    user_id=user.id,
                )
            item.reminded = True
