# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

FINANCE = "ops_org.ops_org_group_finance"


class OpsCostIndicator(models.Model):
    """A cost-control indicator of a department for a period (policy
    §六(二)1: finance sets the indicators and assesses each department):
    the target, the actual read from the budget execution, and the
    assessment, frozen when finance assesses the period. The appraisal of
    the department reads the score."""

    _name = "ops.cost.indicator"
    _description = "Cost-Control Indicator"
    _inherit = ["ops.workflow.mixin", "mail.thread"]
    _order = "date_from desc, department_id, id"

    # The assessment is a decision about the department, whose head's (and
    # staff's) appraisal reads its score: never taken by that head.
    _ops_transitions = {
        "assess": Transition(("open",), "assessed", (FINANCE,), decision=True),
    }
    _ops_workflow_fields = ("assessed_actual", "result", "score")
    _ops_subject_fields = ("department_id.manager_id",)
    _ops_decision_methods = ("action_assess",)

    name = fields.Char(required=True, tracking=True)
    department_id = fields.Many2one("hr.department", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    account_ids = fields.Many2many(
        "account.account",
        string="Accounts",
        check_company=True,
        help="Leave empty for every account budgeted for the department.",
    )
    measure = fields.Selection(
        [
            ("spend", "Spending at most the target amount"),
            ("consumption", "Budget consumption at most the target %"),
        ],
        required=True,
        default="consumption",
    )
    target = fields.Float(required=True, tracking=True, ops_min=0)
    actual = fields.Float(compute="_compute_actual", digits=(16, 2))
    state = fields.Selection(
        [("open", "Open"), ("assessed", "Assessed")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    assessed_actual = fields.Float(readonly=True, digits=(16, 2))
    result = fields.Selection([("met", "Met"), ("missed", "Missed")], readonly=True, tracking=True)
    score = fields.Float(
        readonly=True,
        aggregator="avg",
        help="100 when the target is met, less in proportion to the overrun.",
    )
    note = fields.Text(string="Assessment Note")

    @api.depends("department_id", "date_from", "date_to", "account_ids", "measure")
    def _compute_actual(self):
        for indicator in self:
            indicator.actual = indicator._ops_measure()

    @api.constrains("date_from", "date_to", "target")
    def _check_indicator(self):
        for indicator in self:
            if indicator.date_to < indicator.date_from:
                raise ValidationError(
                    self.env._("Indicator %(name)s ends before it starts.", name=indicator.name)
                )
            if indicator.target <= 0:
                raise ValidationError(
                    self.env._(
                        "Indicator %(name)s: the target must be positive.", name=indicator.name
                    )
                )

    def write(self, vals):
        if (
            not self._ops_workflow_open()
            and set(vals) - {"note"}
            and self.filtered(lambda i: i.state == "assessed")
        ):
            raise UserError(self.env._("An assessed indicator cannot change."))
        return super().write(vals)

    def _ops_measure(self):
        """Actual spend of the department's cost centre, or its consumption
        of the approved budget in %, over the period."""
        self.ensure_one()
        if not (self.department_id and self.date_from and self.date_to):
            return 0.0
        domain = [
            ("company_id", "=", self.company_id.id),
            ("department_id", "=", self.department_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        if self.account_ids:
            domain.append(("account_id", "in", self.account_ids.ids))
        [[budget, actual, committed]] = (
            self.env["ops.budget.execution.report"]
            .sudo()
            ._read_group(
                domain, [], ["budget_amount:sum", "actual_amount:sum", "committed_amount:sum"]
            )
        )
        spent = (actual or 0.0) + (committed or 0.0)
        if self.measure == "spend":
            return spent
        return 100.0 * spent / budget if budget else 0.0

    def action_assess(self):
        """Freeze the actual and give the period's result and score."""
        for indicator in self:
            actual = indicator._ops_measure()
            met = actual <= indicator.target
            score = 100.0 if met else max(0.0, 100.0 * (2 - actual / indicator.target))
            indicator._ops_transition(
                "assess",
                {
                    "assessed_actual": actual,
                    "result": "met" if met else "missed",
                    "score": round(score, 2),
                },
            )
        return True
