# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

PUBLISHED_STATES = ("published", "acknowledged", "closed")
# What the employee may still write on a published appraisal.
EMPLOYEE_FIELDS = {"employee_comment", "appeal_reason"}


class OpsAppraisal(models.Model):
    """One employee's result in a cycle: the raters' evaluations weighted by
    the template, calibrated by the department head then HR, published to
    the employee who acknowledges it or appeals."""

    _name = "ops.appraisal"
    _description = "Appraisal"
    _inherit = ["mail.thread"]
    _order = "cycle_id desc, employee_name"
    _rec_name = "employee_name"

    cycle_id = fields.Many2one("ops.appraisal.cycle", required=True, ondelete="cascade", index=True)
    template_id = fields.Many2one(related="cycle_id.template_id")
    period = fields.Selection(related="cycle_id.period", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    employee_name = fields.Char(related="employee_id.name", store=True, string="Employee Name")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department",
        store=True,
        readonly=False,
        index=True,
    )
    supervisor_user_id = fields.Many2one(
        "res.users",
        string="Direct Supervisor",
        compute="_compute_department",
        store=True,
        readonly=False,
    )
    company_id = fields.Many2one(related="cycle_id.company_id", store=True, index=True)
    state = fields.Selection(
        [
            ("open", "In Progress"),
            ("published", "Published"),
            ("acknowledged", "Acknowledged"),
            ("closed", "Closed"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    evaluation_ids = fields.One2many("ops.appraisal.evaluation", "appraisal_id")
    peer_user_ids = fields.Many2many(
        "res.users", string="Peers", help="Colleagues asked to evaluate (jobs that ask for it)."
    )
    customer_facing = fields.Boolean(
        compute="_compute_department",
        store=True,
        help="The employee's job is customer-facing: customers evaluate too.",
    )
    customer_partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        help="Customers asked to evaluate through a link (customer-facing jobs).",
    )
    evaluation_score = fields.Float(
        compute="_compute_scores", store=True, help="Weighted score of this cycle's raters."
    )
    monthly_score = fields.Float(
        compute="_compute_scores",
        store=True,
        help="Average of the period's published monthly results.",
    )
    computed_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg")
    calibrated_score = fields.Float(tracking=True, help="Set in calibration to correct the score.")
    calibration_note = fields.Text(tracking=True)
    final_score = fields.Float(
        compute="_compute_final_score", store=True, aggregator="avg", tracking=True
    )
    grade_id = fields.Many2one(
        "ops.appraisal.grade", compute="_compute_final_score", store=True, tracking=True
    )
    promotion_priority = fields.Boolean(
        related="grade_id.promotion_priority",
        store=True,
        help="The grade of this result gives priority for promotion.",
    )
    training_need = fields.Text(
        string="Training Needs",
        help="What the employee should learn, agreed in the appraisal; training "
        "needs are planned from it.",
    )
    weak_criterion_ids = fields.Many2many(
        "ops.appraisal.criterion",
        string="Criteria to Improve",
        compute="_compute_weak_criterion_ids",
        help="Criteria the supervisor scored below 60.",
    )
    comment = fields.Html(string="Supervisor's Comments")
    employee_comment = fields.Text()
    date_acknowledged = fields.Datetime(readonly=True)
    appeal_reason = fields.Text()
    appeal_state = fields.Selection(
        [("open", "Appealed"), ("upheld", "Upheld"), ("rejected", "Rejected")],
        readonly=True,
        tracking=True,
    )
    appeal_decision = fields.Text(readonly=True)
    appeal_deadline = fields.Date(compute="_compute_appeal_deadline")

    _sql_constraints = [
        (
            "cycle_employee_uniq",
            "unique(cycle_id, employee_id)",
            "An employee has one appraisal per cycle.",
        )
    ]

    @api.depends("employee_id")
    def _compute_department(self):
        for appraisal in self:
            employee = appraisal.employee_id.sudo()
            appraisal.department_id = employee.department_id
            supervisor = employee.parent_id.user_id or employee.department_id.manager_id.user_id
            if supervisor == employee.user_id:
                supervisor = employee.department_id.parent_id.manager_id.user_id
            appraisal.supervisor_user_id = supervisor
            appraisal.customer_facing = employee.job_id.ops_customer_facing

    @api.depends("computed_score", "calibrated_score", "cycle_id.state")
    def _compute_final_score(self):
        """Score and grade; no grade while raters are still evaluating."""
        # One query for the grade bands of all the companies concerned.
        grades = (
            self.env["ops.appraisal.grade"]
            .sudo()
            .search([("company_id", "in", [*self.company_id.ids, False])], order="min_score desc")
        )
        for appraisal in self:
            score = appraisal.calibrated_score or appraisal.computed_score
            appraisal.final_score = score
            if appraisal.cycle_id.state in ("draft", "open"):
                appraisal.grade_id = False
                continue
            appraisal.grade_id = next(
                (
                    g
                    for g in grades
                    if g.min_score <= score
                    and (not g.company_id or g.company_id == appraisal.company_id)
                ),
                grades.browse(),
            )

    @api.depends("evaluation_ids.line_ids.score", "evaluation_ids.state")
    def _compute_weak_criterion_ids(self):
        for appraisal in self:
            lines = (
                appraisal.sudo()
                .evaluation_ids.filtered(lambda e: e.role == "supervisor" and e.state == "done")
                .line_ids
            )
            appraisal.weak_criterion_ids = lines.filtered(lambda line: line.score < 60).criterion_id

    @api.depends("cycle_id.date_published", "cycle_id.appeal_days")
    def _compute_appeal_deadline(self):
        for appraisal in self:
            published = appraisal.cycle_id.date_published
            appraisal.appeal_deadline = (
                published + timedelta(days=appraisal.cycle_id.appeal_days) if published else False
            )

    def write(self, vals):
        if not self.env.su and set(vals) - EMPLOYEE_FIELDS:
            for appraisal in self:
                if appraisal.state in PUBLISHED_STATES:
                    raise UserError(
                        self.env._(
                            "The appraisal of %(employee)s is published: it can no longer be "
                            "changed (an appeal to HR can change it).",
                            employee=appraisal.employee_name,
                        )
                    )
                if "calibrated_score" in vals and appraisal.cycle_id.state != "calibration":
                    raise UserError(
                        self.env._("Scores are calibrated only while the cycle is in calibration.")
                    )
        return super().write(vals)

    # -- scores ------------------------------------------------------------

    def _ops_create_default_evaluations(self):
        vals = []
        for appraisal in self:
            if appraisal.supervisor_user_id:
                vals.append(
                    {
                        "appraisal_id": appraisal.id,
                        "rater_user_id": appraisal.supervisor_user_id.id,
                        "role": "supervisor",
                    }
                )
            if appraisal.user_id:
                vals.append(
                    {
                        "appraisal_id": appraisal.id,
                        "rater_user_id": appraisal.user_id.id,
                        "role": "self",
                    }
                )
        self.env["ops.appraisal.evaluation"].sudo().create(vals)

    def _ops_assign_peers(self):
        """Peers for the jobs that ask for them: colleagues of the same
        department with a user, neither the employee nor the supervisor,
        in a stable order. One search for all the departments concerned."""
        wanting = self.filtered(
            lambda a: a.employee_id.sudo().job_id.ops_appraisal_peer_count and a.department_id
        )
        if not wanting:
            return
        colleagues = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [("department_id", "in", wanting.department_id.ids), ("user_id", "!=", False)],
                order="id",
            )
        )
        by_department = {}
        for colleague in colleagues:
            by_department.setdefault(colleague.department_id.id, []).append(colleague.user_id)
        for appraisal in wanting:
            count = appraisal.employee_id.sudo().job_id.ops_appraisal_peer_count
            excluded = appraisal.user_id | appraisal.supervisor_user_id
            peers = [
                u for u in by_department.get(appraisal.department_id.id, []) if u not in excluded
            ]
            appraisal.peer_user_ids = [fields.Command.set([user.id for user in peers[:count]])]
        wanting.action_request_peer_evaluations()

    def action_request_peer_evaluations(self):
        vals = []
        for appraisal in self:
            asked = appraisal.evaluation_ids.filtered(lambda e: e.role == "peer").rater_user_id
            vals += [
                {"appraisal_id": appraisal.id, "rater_user_id": user.id, "role": "peer"}
                for user in appraisal.peer_user_ids - asked - appraisal.user_id
            ]
        self.env["ops.appraisal.evaluation"].sudo().create(vals)
        return True

    def action_request_customer_evaluations(self):
        """Create the evaluation of every customer named and e-mail each one
        the link to rate without an Odoo account."""
        Evaluation = self.env["ops.appraisal.evaluation"].sudo()
        for appraisal in self:
            if appraisal.cycle_id.state not in ("draft", "open"):
                raise UserError(
                    self.env._("Customers are asked only before the evaluation closes.")
                )
            customers = appraisal.customer_partner_ids
            missing = customers.filtered(lambda p: not p.email)
            if missing:
                raise UserError(
                    self.env._(
                        "%(customers)s have no e-mail address to receive the link.",
                        customers=", ".join(missing.mapped("name")),
                    )
                )
            asked = appraisal.evaluation_ids.filtered(
                lambda e: e.role == "customer"
            ).rater_partner_id
            Evaluation.create(
                [
                    {
                        "appraisal_id": appraisal.id,
                        "rater_partner_id": partner.id,
                        "role": "customer",
                    }
                    for partner in customers - asked
                ]
            )._ops_send_customer_link()
        return True

    @api.depends(
        "evaluation_ids.state",
        "evaluation_ids.score",
        "evaluation_ids.role",
        "cycle_id.state",
        "cycle_id.monthly_weight",
        "cycle_id.template_id.supervisor_weight",
        "cycle_id.template_id.peer_weight",
        "cycle_id.template_id.self_weight",
        "cycle_id.template_id.customer_weight",
    )
    def _compute_scores(self):
        """Weighted score of the submitted evaluations by rater role (roles
        without an evaluation are left out of the weighting), then, for
        quarterly and annual cycles, the period's published monthly results.
        Computed for the whole recordset at once: a cycle entering
        calibration recomputes all its appraisals in a few queries."""
        monthly = self._ops_monthly_scores()
        for appraisal in self:
            weights = appraisal.cycle_id.template_id._rater_weights()
            per_role = {}
            for evaluation in appraisal.evaluation_ids:
                if evaluation.state == "done":
                    per_role.setdefault(evaluation.role, []).append(evaluation.score)
            total_weight = sum(weights[role] for role in per_role)
            score = (
                sum(weights[role] * sum(s) / len(s) for role, s in per_role.items()) / total_weight
                if total_weight
                else 0.0
            )
            appraisal.evaluation_score = score
            appraisal.monthly_score = 0.0
            appraisal.computed_score = score
            month_avg = monthly.get((appraisal.cycle_id.id, appraisal.employee_id.id))
            if appraisal.period != "monthly" and month_avg is not None:
                share = appraisal.cycle_id.monthly_weight / 100.0
                appraisal.monthly_score = month_avg
                appraisal.computed_score = share * month_avg + (1 - share) * score

    def _ops_monthly_scores(self):
        """{(cycle id, employee id): average final score of the published
        monthly appraisals inside the period of each quarterly or annual
        cycle from its calibration on}."""
        result = {}
        cycles = self.cycle_id.filtered(
            lambda c: c.period != "monthly" and c.state in ("calibration", "published", "closed")
        )
        for cycle in cycles:
            groups = (
                self.env["ops.appraisal"]
                .sudo()
                ._read_group(
                    [
                        ("cycle_id.period", "=", "monthly"),
                        ("cycle_id.date_start", ">=", cycle.date_start),
                        ("cycle_id.date_end", "<=", cycle.date_end),
                        ("state", "in", list(PUBLISHED_STATES)),
                        ("employee_id", "in", self.employee_id.ids),
                    ],
                    ["employee_id"],
                    ["final_score:avg"],
                )
            )
            result.update({(cycle.id, employee.id): avg for employee, avg in groups})
        return result

    # -- after publication ---------------------------------------------------

    def _ops_check_own_published(self):
        for appraisal in self:
            if appraisal.user_id != self.env.user:
                raise UserError(self.env._("Only the appraised employee can do this."))
            if appraisal.state not in ("published", "acknowledged"):
                raise UserError(self.env._("This appraisal is not published."))

    def action_acknowledge(self):
        self._ops_check_own_published()
        self.sudo().write({"state": "acknowledged", "date_acknowledged": fields.Datetime.now()})
        return True

    def action_appeal(self):
        self._ops_check_own_published()
        for appraisal in self:
            if not (appraisal.appeal_reason or "").strip():
                raise UserError(self.env._("Say why you appeal."))
            if fields.Date.context_today(self) > appraisal.appeal_deadline:
                raise UserError(
                    self.env._(
                        "The appeal period ended on %(date)s.", date=appraisal.appeal_deadline
                    )
                )
            if appraisal.appeal_state:
                raise UserError(self.env._("This appraisal was already appealed."))
        self.sudo().write({"appeal_state": "open"})
        return True

    def action_decide_appeal(self, upheld, decision, new_score=None):
        """HR decides an appeal; an upheld appeal may correct the score."""
        if not self.env.user.has_group("ops_org.ops_org_group_hr"):
            raise UserError(self.env._("HR decides appeals."))
        if not (decision or "").strip():
            raise UserError(self.env._("Write the decision on the appeal."))
        for appraisal in self:
            if appraisal.appeal_state != "open":
                raise UserError(self.env._("There is no open appeal on this appraisal."))
            vals = {"appeal_state": "upheld" if upheld else "rejected", "appeal_decision": decision}
            if upheld and new_score is not None:
                vals["calibrated_score"] = new_score
            appraisal.sudo().write(vals)
        return True
