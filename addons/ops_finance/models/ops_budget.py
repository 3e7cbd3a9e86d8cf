# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from calendar import monthrange
from datetime import date, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.base import OPS_CLASSIFICATION_FIELDS
from odoo.addons.ops_org.models.ops_workflow_mixin import Transition
from odoo.addons.queue_job.job import identity_exact

FINANCE = "ops_org.ops_org_group_finance"

# What a lock leaves open: the main attachment and the classification.
UNLOCKED_FIELDS = OPS_CLASSIFICATION_FIELDS | {"message_main_attachment_id"}


class OpsBudget(models.Model):
    """The company's annual budget (policy §六(一)1): each department drafts
    its part, finance consolidates and balances it, leadership approves it.
    An approved budget is locked; a revision is a new version, the old one
    is kept."""

    _name = "ops.budget"
    _description = "Annual Budget"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, version desc, id desc"

    _state_field = "state"
    _state_from = ["consolidation"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _tier_validation_manual_config = False
    _ops_requester_field = "submitted_by_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "rejected"
    # Approved and rejected come from the review (ops_org's tier glue).
    _ops_transitions = {
        "open_departments": Transition(("draft",), None, (FINANCE,)),
        "consolidate": Transition(("draft",), "consolidation", (FINANCE,)),
        "submit": Transition(("consolidation",), None, (FINANCE,)),
        "revise": Transition(("rejected",), "consolidation", (FINANCE,)),
        "new_version": Transition(("approved",), None, (FINANCE,)),
        # Server code only: the version a newly approved one replaces.
        "supersede": Transition(("approved",), "superseded"),
    }
    _ops_workflow_fields = ("submitted_by_id", "date_approved", "version", "previous_id")
    # The submitter is the requester of the review: never its approver.
    _ops_subject_fields = ("submitted_by_id",)
    _ops_harmless_methods = (
        "action_open_departments",
        "action_consolidate",
        "action_submit",
        "action_revise",
        "action_new_version",
    )

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.today().year + 1,
        ops_min=2000,
        ops_max=2999,
    )
    date_from = fields.Date(compute="_compute_dates", store=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "ops.budget", string="Previous Version", readonly=True, copy=False, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Departments Drafting"),
            ("consolidation", "Consolidation"),
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
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_budget_ids = fields.One2many(
        "ops.budget.department", "budget_id", string="Department Budgets"
    )
    line_ids = fields.One2many("ops.budget.line", "budget_id", string="Lines")
    planned_amount = fields.Monetary(string="Planned", compute="_compute_amounts", store=True)
    current_amount = fields.Monetary(string="Current", compute="_compute_amounts", store=True)
    alert_thresholds = fields.Char(
        string="Alert Thresholds (%)",
        default="80, 100",
        help="Consumption levels (actual and committed against the current budget) at which "
        "the department head and finance are alerted, separated by commas.",
    )

    _sql_constraints = [
        (
            "year_version_uniq",
            "unique(company_id, year, version)",
            "A company has one budget per year and version.",
        )
    ]

    @api.depends("year")
    def _compute_dates(self):
        for budget in self:
            if budget.year:
                budget.date_from = date(budget.year, 1, 1)
                budget.date_to = date(budget.year, 12, 31)
            else:
                budget.date_from = budget.date_to = False

    @api.depends("line_ids.planned_amount", "line_ids.current_amount")
    def _compute_amounts(self):
        for budget in self:
            budget.planned_amount = sum(budget.line_ids.mapped("planned_amount"))
            budget.current_amount = sum(budget.line_ids.mapped("current_amount"))

    @api.constrains("alert_thresholds")
    def _check_alert_thresholds(self):
        for budget in self:
            budget._ops_thresholds()

    def _ops_thresholds(self):
        self.ensure_one()
        try:
            levels = sorted(
                {float(x) for x in (self.alert_thresholds or "").split(",") if x.strip()}
            )
        except ValueError:
            levels = [-1.0]
        if any(level <= 0 for level in levels):
            raise ValidationError(
                self.env._(
                    "Budget %(name)s: alert thresholds are positive percentages separated by "
                    "commas, e.g. 80, 100.",
                    name=self.name,
                )
            )
        return levels

    @api.model
    def _cron_budget_alerts(self):
        """Daily: one job per approved budget on the finance channel checks
        its lines against the thresholds (``_ops_job_alerts``)."""
        for budget in self.search([("state", "=", "approved")]):
            budget.with_delay(
                # The budget's number, not its name (a budget may be confidential).
                description=self.env._("Budget alerts: budget %(id)s", id=budget.id),
                identity_key=identity_exact,
            )._ops_job_alerts()

    def _ops_job_alerts(self):
        """Job: alert the department head and finance when a line of this
        approved budget reaches a threshold: one message per department
        budget listing its lines, once per threshold. Idempotent: a line
        notes the threshold it was alerted for and is alerted again only
        for a higher one."""
        self.ensure_one()
        if self.state != "approved":
            return "skipped: the budget is not approved"
        finance = self.env.ref("ops_org.ops_org_group_finance").users
        levels = self._ops_thresholds()
        lines = self.line_ids.filtered(
            lambda line: line.date_from <= fields.Date.context_today(self)
        )
        # Execution is read from Accounting now, not from the cache.
        lines.invalidate_recordset(
            ["actual_amount", "committed_amount", "remaining_amount", "consumption"]
        )
        reached = {}
        for line in lines:
            level = max((lvl for lvl in levels if line.consumption >= lvl), default=0.0)
            if level > line.alert_level:
                reached[line] = level
        by_part = {}
        for line, level in reached.items():
            by_part.setdefault(line.department_budget_id, []).append((line, level))
        for part, items in by_part.items():
            head = part.department_id.manager_id.user_id
            # Of a confidential budget, only those who may know of it.
            partners = part._ops_cleared_users(
                head | finance.filtered(lambda u, company=part.company_id: company in u.company_ids)
            )
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "Budget alert: lines of %(department)s reached their threshold.",
                    department=part.department_id.name,
                ),
                Markup().join(
                    Markup("<li>%s</li>")
                    % self.env._(
                        "%(account)s, %(month)s: %(consumption)s %% consumed "
                        "(threshold %(level)s %%)",
                        account=line.account_id.display_name,
                        month=line._ops_selection_label("month"),
                        consumption=round(line.consumption, 1),
                        level=round(level, 1),
                    )
                    for line, level in items
                ),
            )
            part.sudo().message_post(
                body=body,
                partner_ids=partners.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            for line, level in items:
                # The job notes what it notified (a field only it writes).
                line.sudo()._ops_workflow_write({"alert_level": level})
        return f"{len(reached)} lines alerted"

    @api.constrains("year")
    def _check_year(self):
        for budget in self:
            if not 2000 <= budget.year <= 2999:
                raise ValidationError(
                    self.env._("Budget %(name)s: give the year in four digits.", name=budget.name)
                )

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["state", "date_approved"]

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state", "submitted_by_id"]

    def write(self, vals):
        if not self.env.su and set(vals) - UNLOCKED_FIELDS:
            locked = self.filtered(lambda b: b.state in ("approved", "superseded"))
            if locked:
                raise UserError(
                    self.env._(
                        "Budget %(name)s is approved and locked: change it through an "
                        "adjustment request or a new version.",
                        name=locked[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if self.filtered(lambda b: b.state not in ("draft", "consolidation")):
            raise UserError(self.env._("An approved budget is kept; it cannot be deleted."))

    # -- steps -------------------------------------------------------------

    @api.model
    def _cron_open_next_year(self):
        """Daily (policy §六(一)1, 每年年底): from the company's call date,
        next year's budget opens once — every department gets its part, its
        head an activity to draft it by the drafting deadline, and finance is
        told. A budget of that year that exists already is left alone."""
        today = fields.Date.context_today(self)
        year = today.year + 1
        for company in self.env["res.company"].search([]):
            month = min(max(company.ops_budget_call_month or 11, 1), 12)
            day = min(max(company.ops_budget_call_day or 15, 1), monthrange(today.year, month)[1])
            call = date(today.year, month, day)
            if today < call:
                continue
            if self.with_context(active_test=False).search_count(
                [("company_id", "=", company.id), ("year", "=", year)]
            ):
                continue
            budget = self.with_company(company).create(
                {
                    "name": self.env._("Budget %(year)s", year=year),
                    "year": year,
                    "company_id": company.id,
                }
            )
            budget.action_open_departments()
            deadline = call + timedelta(days=company.ops_budget_draft_days or 30)
            for part in budget.department_budget_ids:
                part._ops_workflow_write({"date_deadline": deadline})
                head = part.department_id.manager_id.user_id
                if head and not head.share:
                    part.activity_schedule(
                        act_type_xmlid="mail.mail_activity_data_todo",
                        date_deadline=deadline,
                        summary=self.env._(
                            "Draft the budget of %(department)s for %(year)s",
                            department=part.department_id.display_name,
                            year=year,
                        ),
                        user_id=head.id,
                    )
            finance = self._ops_group_users(FINANCE, company=company)
            budget.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "The budget for %(year)s is open: the department heads draft their parts "
                    "by %(date)s.",
                    year=year,
                    date=deadline,
                ),
                partner_ids=finance.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_open_departments(self):
        """Create the draft of every department of the company that has none
        (each gets its cost centre)."""
        self._ops_transition("open_departments")
        for budget in self:
            departments = self.env["hr.department"].search(
                [("company_id", "in", [budget.company_id.id, False])]
            )
            departments -= budget.department_budget_ids.department_id
            departments._ops_cost_centre()
            self.env["ops.budget.department"].create(
                [{"budget_id": budget.id, "department_id": d.id} for d in departments]
            )
        return True

    def action_consolidate(self):
        """Finance takes over the department drafts to balance them."""
        self._ops_transition("consolidate")
        # Part of this step: the drafts still open are handed over with it.
        self.department_budget_ids.filtered(lambda d: d.state == "draft")._ops_workflow_write(
            {"state": "submitted"}
        )
        return True

    def action_submit(self):
        """Finance submits the balanced budget to leadership."""
        for budget in self:
            if not budget.line_ids:
                raise UserError(
                    self.env._("Budget %(name)s has no line to approve.", name=budget.name)
                )
            if budget.validation_status in ("waiting", "pending"):
                raise UserError(
                    self.env._(
                        "Budget %(name)s is already waiting for its approval.", name=budget.name
                    )
                )
        self._ops_transition("submit", {"submitted_by_id": self.env.uid})
        # A new submission starts the review over (a rejection keeps its
        # reviews until then).
        self._ops_restart_validation()
        self._ops_request_validation()
        return True

    def action_revise(self):
        """A rejected budget goes back to finance for balancing."""
        self._ops_transition("revise")
        return True

    def action_new_version(self):
        """Copy an approved budget as the next version, in consolidation."""
        self.ensure_one()
        self._ops_transition("new_version")
        vals = self.copy_data(
            {
                "name": self.name,
                "version": self.version + 1,
                "previous_id": self.id,
                "state": "consolidation",
            }
        )
        new = self._ops_workflow_create(vals)
        Part = self.env["ops.budget.department"]
        for department_budget in self.department_budget_ids:
            copy = Part._ops_workflow_create(
                department_budget.copy_data({"budget_id": new.id, "state": "submitted"})
            )
            department_budget.line_ids.copy({"department_budget_id": copy.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.budget",
            "res_id": new.id,
            "views": [(False, "form")],
        }

    def _ops_on_validated(self):
        """Approved: dated, locked, and the version it revises superseded."""
        self.ensure_one()
        # sudo: the leader who approved may not write budgets; only the
        # approval date of the budget they approved is written.
        self.sudo()._ops_workflow_write({"date_approved": fields.Date.context_today(self)})
        older = self.sudo().search(
            [
                ("company_id", "=", self.company_id.id),
                ("year", "=", self.year),
                ("state", "=", "approved"),
                ("id", "!=", self.id),
            ]
        )
        # sudo (above): the older version is superseded, nothing else.
        older._ops_transition("supersede")

    @api.model
    def _ops_demo_populate(self, finance, leader, departments):
        """Demo data: this year's budget approved, with lines per department
        and month, some posted spending on the cost centres, one applied
        adjustment and assessed cost indicators; next year's budget open for
        the departments' drafts. Runs once: nothing happens when the budget
        of this year already exists."""
        company = self.env.ref("base.main_company")
        year = fields.Date.context_today(self).year
        if self.search([("company_id", "=", company.id), ("year", "=", year)]):
            return
        # The account the demo expense reports post to (their category's), so
        # that the claims count against the budget; else any expense account.
        product = self.env["product.product"].search(
            [("can_be_expensed", "=", True), ("company_id", "in", [False, company.id])], limit=1
        )
        product = product.with_company(company)
        expense = (
            product.property_account_expense_id
            or product.categ_id.property_account_expense_categ_id
            or self.env["account.account"].search(
                [("company_ids", "in", company.id), ("account_type", "=", "expense")], limit=1
            )
        )
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        payable = self.env["account.account"].search(
            [("company_ids", "in", company.id), ("account_type", "=", "liability_current")],
            limit=1,
        )
        if not (expense and journal and payable):
            return
        departments = self.env["hr.department"].browse(departments)
        budget = self.with_user(finance).create(
            {"name": self.env._("Budget %(year)s", year=year), "year": year}
        )
        budget.action_open_departments()
        Line = self.env["ops.budget.line"].sudo()
        for index, department in enumerate(departments):
            part = budget.department_budget_ids.filtered(
                lambda p, d=department: p.department_id == d
            )
            Line.create(
                [
                    {
                        "department_budget_id": part.id,
                        "account_id": expense.id,
                        "month": str(month),
                        "planned_amount": 20000.0 + 5000.0 * (index % 4),
                    }
                    for month in range(1, 13)
                ]
            )
        budget.with_user(finance).action_consolidate()
        budget.with_user(finance).action_submit()
        budget.with_user(leader)._ops_approve()
        today = fields.Date.context_today(self)
        for index, department in enumerate(departments):
            centre = department._ops_cost_centre()
            for month in range(1, today.month + 1):
                amount = (20000.0 + 5000.0 * (index % 4)) * (0.7 + 0.1 * ((index + month) % 5))
                move = self.env["account.move"].create(
                    {
                        "move_type": "entry",
                        "journal_id": journal.id,
                        "date": today.replace(month=month, day=1),
                        "ref": f"{department.name} {year}-{month:02d}",
                        "line_ids": [
                            (
                                0,
                                0,
                                {
                                    "name": department.name,
                                    "account_id": expense.id,
                                    "debit": round(amount, 2),
                                    "analytic_distribution": {str(centre.id): 100},
                                },
                            ),
                            (
                                0,
                                0,
                                {
                                    "name": department.name,
                                    "account_id": payable.id,
                                    "credit": round(amount, 2),
                                },
                            ),
                        ],
                    }
                )
                move.action_post()
        self.env["ops.cost.indicator"].with_user(finance).create(
            [
                {
                    "name": self.env._("Cost control %(year)s Q1", year=year),
                    "department_id": department.id,
                    "date_from": f"{year}-01-01",
                    "date_to": f"{year}-03-31",
                    "measure": "consumption",
                    "target": 90.0,
                }
                for department in departments
            ]
        ).action_assess()
        self.with_user(finance).create(
            {"name": self.env._("Budget %(year)s", year=year + 1), "year": year + 1}
        ).action_open_departments()
