# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

FINANCE = "ops_org.ops_org_group_finance"
HEAD = "ops_org.ops_org_group_department_head"


class OpsBudgetDepartment(models.Model):
    """One department's part of the annual budget, drafted by its head."""

    _name = "ops.budget.department"
    _ops_classified_by = "budget_id"  # confidentiality follows it (ops_org base)
    _description = "Department Budget"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "budget_id desc, department_id"
    _rec_names_search = ["department_id", "budget_id"]

    # Finance hands the drafts still open over with the budget's
    # consolidation (ops.budget.action_consolidate).
    _ops_transitions = {
        "submit": Transition(("draft",), "submitted", (HEAD, FINANCE)),
        "reopen": Transition(("submitted",), "draft", (FINANCE,)),
    }
    _ops_harmless_methods = ("action_submit", "action_reopen")
    _ops_workflow_fields = ("date_deadline", "reminder_date")

    budget_id = fields.Many2one("ops.budget", required=True, ondelete="cascade", index=True)
    department_id = fields.Many2one("hr.department", required=True, ondelete="restrict", index=True)
    analytic_account_id = fields.Many2one(
        related="department_id.ops_analytic_account_id", string="Cost Centre"
    )
    year = fields.Integer(related="budget_id.year", store=True)
    budget_state = fields.Selection(related="budget_id.state", string="Budget Status")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted to Finance")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="budget_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("ops.budget.line", "department_budget_id", string="Lines")
    planned_amount = fields.Monetary(string="Planned", compute="_compute_amounts", store=True)
    current_amount = fields.Monetary(string="Current", compute="_compute_amounts", store=True)
    note = fields.Html(string="Assumptions")
    date_deadline = fields.Date(
        string="Draft By",
        readonly=True,
        copy=False,
        help="Set when the year-end call opens the budget: the head drafts the part by then.",
    )
    reminder_date = fields.Date(string="Reminded On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "budget_department_uniq",
            "unique(budget_id, department_id)",
            "A department has one part in each budget.",
        )
    ]

    @api.depends("line_ids.planned_amount", "line_ids.current_amount")
    def _compute_amounts(self):
        for part in self:
            part.planned_amount = sum(part.line_ids.mapped("planned_amount"))
            part.current_amount = sum(part.line_ids.mapped("current_amount"))

    def _compute_display_name(self):
        for part in self:
            part.display_name = f"{part.budget_id.name} - {part.department_id.name}"

    def _ops_check_editable(self):
        """Department heads edit their draft while departments draft;
        finance edits during consolidation; nobody after approval."""
        if self.env.su:
            return
        finance = self.env.user.has_group("ops_org.ops_org_group_finance")
        for part in self:
            state = part.budget_id.state
            if state == "draft" and (part.state == "draft" or finance):
                continue
            if state in ("consolidation", "rejected") and finance:
                continue
            raise UserError(
                self.env._(
                    "The budget of %(department)s cannot change now (budget %(budget)s is "
                    "%(state)s).",
                    department=part.department_id.name,
                    budget=part.budget_id.name,
                    state=part.budget_id._ops_selection_label("state"),
                )
            )

    def write(self, vals):
        if set(vals) - {"state", "message_main_attachment_id"}:
            self._ops_check_editable()
        return super().write(vals)

    @api.model
    def _cron_remind_drafting(self):
        """Daily: the heads whose part of a budget still being drafted is
        due within the company's reminder days are reminded, once per part."""
        today = fields.Date.context_today(self)
        parts = self.search(
            [
                ("state", "=", "draft"),
                ("budget_state", "=", "draft"),
                ("date_deadline", "!=", False),
                ("reminder_date", "=", False),
            ]
        )
        for part in parts:
            days = part.company_id.ops_budget_reminder_days or 0
            if part.date_deadline - timedelta(days=days) > today:
                continue
            head = part.department_id.manager_id.user_id
            part.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Reminder: the budget of %(department)s for %(year)s is to be drafted and "
                    "submitted to finance by %(date)s.",
                    department=part.department_id.display_name,
                    year=part.year,
                    date=part.date_deadline,
                ),
                partner_ids=head.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            part._ops_workflow_write({"reminder_date": today})
        return True

    def action_submit(self):
        """The head hands the department's draft to finance."""
        for part in self:
            if part.budget_id.state != "draft":
                raise UserError(self.env._("Only a draft can be submitted to finance."))
            if not part.line_ids:
                raise UserError(
                    self.env._(
                        "The budget of %(department)s has no line.",
                        department=part.department_id.name,
                    )
                )
        self._ops_transition("submit")
        return True

    def action_reopen(self):
        """Finance returns a submitted draft to the department."""
        for part in self:
            if part.budget_id.state != "draft":
                raise UserError(self.env._("The departments' drafting is over."))
        self._ops_transition("reopen")
        return True
