# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

CRITERION_GROUPS = [
    ("performance", "Work Performance"),
    ("ability", "Work Ability"),
    ("attitude", "Work Attitude"),
]
RATER_ROLES = [
    ("supervisor", "Direct Supervisor"),
    ("peer", "Peer"),
    ("self", "Self"),
    ("customer", "Customer"),
]


class OpsAppraisalTemplate(models.Model):
    """Weighted criteria in the policy's three groups (§四(一)3) and the
    weight of each kind of rater (§四(一)4)."""

    _name = "ops.appraisal.template"
    _description = "Appraisal Template"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    criterion_ids = fields.One2many(
        "ops.appraisal.criterion", "template_id", string="Criteria", copy=True
    )
    rating_scale = fields.Integer(
        default=5, required=True, help="Qualitative ratings go from 1 to this value."
    )
    supervisor_weight = fields.Float(string="Supervisor (%)", default=70.0)
    peer_weight = fields.Float(string="Peers (%)", default=10.0)
    self_weight = fields.Float(string="Self (%)", default=10.0)
    customer_weight = fields.Float(string="Customers (%)", default=10.0)
    criteria_weight_total = fields.Float(compute="_compute_criteria_weight_total")

    @api.depends("criterion_ids.weight")
    def _compute_criteria_weight_total(self):
        for template in self:
            template.criteria_weight_total = sum(template.criterion_ids.mapped("weight"))

    @api.constrains("criterion_ids")
    def _check_criteria_weights(self):
        for template in self:
            if template.criterion_ids and float_compare(
                template.criteria_weight_total, 100.0, precision_digits=2
            ):
                raise ValidationError(
                    self.env._(
                        "Template %(template)s: the weights of the criteria add up to "
                        "%(total)s %%, not 100 %%.",
                        template=template.name,
                        total=round(template.criteria_weight_total, 2),
                    )
                )

    @api.constrains("supervisor_weight", "peer_weight", "self_weight", "customer_weight")
    def _check_rater_weights(self):
        for template in self:
            weights = template._rater_weights()
            if any(w < 0 for w in weights.values()) or float_compare(
                sum(weights.values()), 100.0, precision_digits=2
            ):
                raise ValidationError(
                    self.env._(
                        "Template %(template)s: the rater weights (supervisor, peers, self, "
                        "customers) add up to %(total)s %%, not 100 %%.",
                        template=template.name,
                        total=round(sum(weights.values()), 2),
                    )
                )

    @api.constrains("rating_scale")
    def _check_rating_scale(self):
        for template in self:
            if template.rating_scale < 2:
                raise ValidationError(
                    self.env._(
                        "Template %(template)s: the rating scale needs at least 2 steps.",
                        template=template.name,
                    )
                )

    def _ops_score_max(self):
        """The highest score a result on this template reaches: 100, or the
        highest cap of its measured criteria. Calibrated and appeal scores
        stay between 0 and this."""
        self.ensure_one()
        caps = self.criterion_ids.filtered(lambda c: c.kind == "quantitative").mapped("cap")
        return max([100.0, *caps])

    def _rater_weights(self):
        self.ensure_one()
        return {
            "supervisor": self.supervisor_weight,
            "peer": self.peer_weight,
            "self": self.self_weight,
            "customer": self.customer_weight,
        }


class OpsAppraisalCriterion(models.Model):
    _name = "ops.appraisal.criterion"
    _description = "Appraisal Criterion"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "ops.appraisal.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    group = fields.Selection(CRITERION_GROUPS, required=True, default="performance")
    weight = fields.Float(string="Weight (%)", required=True)
    kind = fields.Selection(
        [("qualitative", "Rating"), ("quantitative", "Measured against a target")],
        required=True,
        default="qualitative",
    )
    target = fields.Float(help="For a measured criterion: the value that scores 100.")
    cap = fields.Float(
        string="Cap (%)",
        default=100.0,
        help="A measured criterion scores value / target, up to this percentage.",
    )
    description = fields.Text(translate=True)
    customer_rated = fields.Boolean(
        string="Rated by Customers",
        help="Customers who evaluate an employee rate this criterion (ratings only).",
    )
    company_id = fields.Many2one(related="template_id.company_id", store=True)

    @api.constrains("weight", "kind", "target", "customer_rated")
    def _check_criterion(self):
        for criterion in self:
            if criterion.customer_rated and criterion.kind != "qualitative":
                raise ValidationError(
                    self.env._(
                        "Criterion %(name)s: customers give ratings; a measured criterion "
                        "cannot be rated by customers.",
                        name=criterion.name,
                    )
                )
            if criterion.weight <= 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(name)s: the weight must be positive.", name=criterion.name
                    )
                )
            if criterion.kind == "quantitative" and criterion.target <= 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(name)s: a measured criterion needs a positive target.",
                        name=criterion.name,
                    )
                )

    def _score(self, rating, value, scale):
        """Score of this criterion on 0-100 (or up to its cap when measured)."""
        self.ensure_one()
        if self.kind == "quantitative":
            return min(100.0 * (value or 0.0) / self.target, self.cap)
        if not rating:
            return 0.0
        return 100.0 * (rating - 1) / (scale - 1)
