# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition, ops_workflow_granted

FINANCE = "ops_org.ops_org_group_finance"
HEAD = "ops_org.ops_org_group_department_head"


class OpsBudgetAdjustment(models.Model):
    """A budget adjustment request (预算调整, policy §六(一)3): raised by a
    department with its reason, reviewed by finance and approved by
    leadership; approval applies each change as a dated adjustment line,
    never by overwriting the budget."""

    _name = "ops.budget.adjustment"
    _ops_classified_by = "budget_id"  # confidentiality follows it (ops_org base)
    _description = "Budget Adjustment Request"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_field = "state"
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _tier_validation_manual_config = False
    _ops_requester_field = "requested_by_id"
    _ops_department_field = "department_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "rejected"
    # Applied (approved) and rejected come from the review, finance then
    # leadership (the tier definitions' order).
    _ops_transitions = {
        "submit": Transition(("draft",), "submitted", (HEAD, FINANCE)),
        "draft": Transition(("rejected",), "draft", (HEAD, FINANCE)),
    }
    # The requester (``_ops_requester_field``) is owned too: it is the
    # current user at creation and nobody else, ever.
    _ops_workflow_fields = ("date_applied",)
    _ops_subject_fields = ("requested_by_id",)
    _ops_harmless_methods = ("action_submit", "action_draft")

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    budget_id = fields.Many2one(
        "ops.budget",
        required=True,
        index=True,
        domain="[('state', '=', 'approved'), ('company_id', '=', company_id)]",
    )
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, required=True
    )
    reason = fields.Selection(
        [
            ("market", "Market Change"),
            ("strategy", "Strategy Change"),
            ("other", "Other"),
        ],
        required=True,
        default="market",
    )
    explanation = fields.Html(required=True)
    line_ids = fields.One2many("ops.budget.adjustment.line", "adjustment_id", string="Changes")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Under Review"),
            ("approved", "Applied"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_applied = fields.Datetime(readonly=True, copy=False)
    amount_total = fields.Monetary(string="Net Change", compute="_compute_amount_total")

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for adjustment in self:
            adjustment.amount_total = sum(adjustment.line_ids.mapped("amount"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("ops.budget.adjustment")
        return super().create(vals_list)

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["state", "date_applied"]

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state"]

    def write(self, vals):
        if not self._ops_workflow_open() and set(vals) - {"message_main_attachment_id"}:
            if self.filtered(lambda a: a.state in ("approved", "rejected")):
                raise UserError(self.env._("A decided adjustment request cannot change."))
        return super().write(vals)

    def _ops_check_lines_editable(self):
        """The changes asked for are what finance and leadership review:
        they change only while the request is a draft."""
        if self.env.su or ops_workflow_granted("ops.budget.adjustment.line"):
            return
        for adjustment in self.exists():
            if adjustment.state != "draft":
                raise UserError(
                    self.env._(
                        "%(request)s is %(state)s: its changes are what is reviewed, they "
                        "cannot change now.",
                        request=adjustment.name,
                        state=adjustment._ops_selection_label("state"),
                    )
                )

    def action_submit(self):
        for adjustment in self:
            if not adjustment.line_ids:
                raise UserError(self.env._("Say which budget lines change and by how much."))
        self.line_ids._ops_check_within_remaining()
        self._ops_transition("submit")
        # A new submission starts the review over (a rejection keeps its
        # reviews until then).
        self._ops_restart_validation()
        self._ops_request_validation()
        return True

    def action_draft(self):
        self._ops_transition("draft")
        return True

    def _ops_on_validated(self):
        """Apply the changes: each budget line locked, checked against what
        remains at this moment, and recorded with its date and before/after
        amounts."""
        self.ensure_one()
        # sudo: the leader approving the last step may not write adjustment
        # lines; only the outcome of this adjustment is written.
        lines = self.line_ids.sudo()
        # Two adjustments of the same budget line applied at once: the second
        # waits here, then reads what the first left.
        lines.budget_line_id._ops_lock_rows()
        lines._ops_check_within_remaining()
        now = fields.Datetime.now()
        for line in lines:
            before = line.budget_line_id.current_amount
            line._ops_workflow_write(
                {
                    "applied": True,
                    "before_amount": before,
                    "after_amount": before + line.amount,
                    "date_applied": now,
                }
            )
        self.sudo()._ops_workflow_write({"date_applied": now})


class OpsBudgetAdjustmentLine(models.Model):
    _name = "ops.budget.adjustment.line"
    _ops_classified_by = "adjustment_id.budget_id"  # confidentiality follows it (ops_org base)
    _description = "Budget Adjustment Line"
    _inherit = ["ops.workflow.mixin"]
    _order = "adjustment_id, id"

    # No state of its own: its request's. What was applied, when and from
    # which amount is written only when the request is approved.
    _ops_state_field = False
    _ops_workflow_fields = ("applied", "date_applied", "before_amount", "after_amount")

    adjustment_id = fields.Many2one(
        "ops.budget.adjustment", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="adjustment_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="adjustment_id.currency_id")
    department_id = fields.Many2one(related="adjustment_id.department_id", store=True)
    budget_line_id = fields.Many2one(
        "ops.budget.line",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('budget_id', '=', parent.budget_id), "
        "('department_id', '=', parent.department_id)]",
    )
    # A cut is a negative change (bounded by what remains of the line).
    amount = fields.Monetary(string="Change", required=True, help="Positive adds, negative cuts.")
    before_amount = fields.Monetary(
        string="Before", compute="_compute_preview", store=True, readonly=True
    )
    after_amount = fields.Monetary(
        string="After", compute="_compute_preview", store=True, readonly=True
    )
    applied = fields.Boolean(readonly=True)
    date_applied = fields.Datetime(readonly=True)

    @api.depends("budget_line_id.current_amount", "amount")
    def _compute_preview(self):
        for line in self:
            if line.applied:
                continue
            line.before_amount = line.budget_line_id.current_amount
            line.after_amount = line.before_amount + line.amount

    @api.constrains("amount", "budget_line_id")
    def _check_line(self):
        for line in self:
            if not line.amount:
                raise ValidationError(self.env._("An adjustment line changes the amount."))
            if line.budget_line_id.budget_id != line.adjustment_id.budget_id:
                raise ValidationError(
                    self.env._("Adjust lines of the budget the request is about.")
                )
            if line.budget_line_id.department_id != line.adjustment_id.department_id:
                raise ValidationError(self.env._("A department adjusts its own budget lines."))

    @api.model_create_multi
    def create(self, vals_list):
        self.env["ops.budget.adjustment"].browse(
            {vals["adjustment_id"] for vals in vals_list if vals.get("adjustment_id")}
        )._ops_check_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.adjustment_id._ops_check_lines_editable()
        if vals.get("adjustment_id"):
            self.env["ops.budget.adjustment"].browse(
                vals["adjustment_id"]
            )._ops_check_lines_editable()
        return super().write(vals)

    def unlink(self):
        self.adjustment_id._ops_check_lines_editable()
        return super().unlink()

    def _ops_check_within_remaining(self):
        """A cut may not exceed what remains of the line (current budget
        minus actual and committed)."""
        for line in self:
            budget_line = line.budget_line_id
            if (
                line.amount < 0
                and float_compare(
                    -line.amount,
                    budget_line.remaining_amount,
                    precision_rounding=line.currency_id.rounding,
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(account)s, %(month)s: the cut of %(cut)s is beyond what remains "
                        "(%(remaining)s).",
                        account=budget_line.account_id.display_name,
                        month=budget_line._ops_selection_label("month"),
                        cut=-line.amount,
                        remaining=budget_line.remaining_amount,
                    )
                )
