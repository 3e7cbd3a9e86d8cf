# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

HR = "ops_org.ops_org_group_hr"
PUBLISHED_STATES = ("published", "acknowledged", "closed")
# What the employee may still write on a published appraisal.
EMPLOYEE_FIELDS = {"employee_comment", "appeal_reason"}


class OpsAppraisal(models.Model):
    """One employee's result in a cycle: the raters' evaluations weighted by
    the template, calibrated by the department head then HR, published to
    the employee who acknowledges it or appeals."""

    _name = "ops.appraisal"
    _description = "Appraisal"
    _inherit = ["mail.thread", "ops.workflow.mixin"]
    _order = "cycle_id desc, employee_name"
    _rec_name = "employee_name"

    # The cycle's steps move the appraisals (publish, close); the appraised
    # employee acknowledges or appeals; HR other than the appellant decides
    # the appeal (``ops.appraisal.appeal.decision``).
    _ops_transitions = {
        "publish": Transition(("open",), "published", (HR,)),
        "acknowledge": Transition(("published",), "acknowledged"),
        "appeal": Transition(("published", "acknowledged"), None),
        "decide_appeal": Transition(("published", "acknowledged"), None, (HR,), decision=True),
        "close": Transition(("published", "acknowledged"), "closed", (HR,)),
    }
    _ops_workflow_fields = (
        "date_acknowledged",
        "appeal_state",
        "appeal_decision",
        "appeal_score",
        "appeal_decided_by_id",
        "date_appeal_decided",
    )
    # Decisions on a result are about the appraised employee: nobody
    # calibrates, comments, or picks the raters of their own appraisal.
    _ops_subject_fields = ("employee_id",)
    _ops_decision_fields = (
        "calibrated_score",
        "calibration_note",
        "comment",
        "supervisor_user_id",
        "peer_user_ids",
        "customer_partner_ids",
        "department_id",
    )
    _ops_decision_methods = ("action_decide_appeal",)
    _ops_harmless_methods = (
        "action_request_peer_evaluations",
        "action_request_customer_evaluations",
        "action_acknowledge",
        "action_appeal",
    )

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
    calibrated_score = fields.Float(
        tracking=True,
        ops_min=0,
        help="Set in calibration to correct the score, between 0 and the highest score of "
        "the template.",
    )
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
    date_acknowledged = fields.Datetime(readonly=True, copy=False)
    appeal_reason = fields.Text()
    appeal_state = fields.Selection(
        [("open", "Appealed"), ("upheld", "Upheld"), ("rejected", "Rejected")],
        readonly=True,
        tracking=True,
        copy=False,
    )
    appeal_decision = fields.Text(readonly=True, copy=False)
    appeal_score = fields.Float(
        string="Score on Appeal",
        readonly=True,
        copy=False,
        help="The score an upheld appeal gave.",
    )
    appeal_decided_by_id = fields.Many2one(
        "res.users", string="Appeal Decided by", readonly=True, copy=False
    )
    date_appeal_decided = fields.Datetime(string="Appeal Decided on", readonly=True, copy=False)
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
        """The supervisor who evaluates is the employee's manager by the one
        rule of the suite (``hr.employee._ops_manager_users``): their
        manager, else the head of their department walking up past
        themselves, at the top a member of Leadership (policy §四(一)4)."""
        for appraisal in self:
            employee = appraisal.employee_id.sudo()
            appraisal.department_id = employee.department_id
            appraisal.supervisor_user_id = (
                employee._ops_manager_users()[:1] if employee else self.env["res.users"]
            )
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

    @api.constrains("calibrated_score", "cycle_id")
    def _check_calibrated_score(self):
        for appraisal in self:
            highest = appraisal.cycle_id.template_id._ops_score_max()
            if not 0 <= appraisal.calibrated_score <= highest:
                raise ValidationError(
                    self.env._(
                        "The score of %(employee)s goes from 0 to %(highest)s, not %(score)s.",
                        employee=appraisal.employee_name,
                        highest=highest,
                        score=appraisal.calibrated_score,
                    )
                )

    @api.depends("cycle_id.date_published", "cycle_id.appeal_days")
    def _compute_appeal_deadline(self):
        for appraisal in self:
            published = appraisal.cycle_id.date_published
            appraisal.appeal_deadline = (
                published + timedelta(days=appraisal.cycle_id.appeal_days) if published else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.check_access("create")
            cycle_ids = {vals.get("cycle_id") for vals in vals_list}
            cycles = self.env["ops.appraisal.cycle"].browse([c for c in cycle_ids if c]).exists()
            late = cycles.filtered(lambda c: c.state not in ("draft", "open"))
            if late:
                raise UserError(
                    self.env._(
                        "Cycle %(cycle)s is past evaluation: it takes no new appraisal.",
                        cycle=late[0].name,
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._ops_check_identity(vals)
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

    def _ops_check_identity(self, vals):
        """An appraisal stays the one of its employee and cycle; the appeal's
        reason stays as given once the appeal is lodged."""
        for name in ("employee_id", "cycle_id"):
            if name in vals and self._ops_changes(name, vals[name]):
                raise UserError(
                    self.env._(
                        "An appraisal stays the one of the employee and the cycle it was "
                        "created for."
                    )
                )
        if "appeal_reason" in vals and self.filtered("appeal_state"):
            if self.filtered("appeal_state")._ops_changes("appeal_reason", vals["appeal_reason"]):
                raise UserError(self.env._("The reason of an appeal stays as it was lodged."))

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
        # Most colleagues of a department get the same peers: one write per
        # set of peers, not one per appraisal.
        by_peers = defaultdict(list)
        for appraisal in wanting:
            count = appraisal.employee_id.sudo().job_id.ops_appraisal_peer_count
            excluded = set((appraisal.user_id | appraisal.supervisor_user_id).ids)
            # The first ``count`` colleagues only: the rest of a large
            # department is never looked at.
            peers = []
            for user in by_department.get(appraisal.department_id.id, []):
                if len(peers) == count:
                    break
                if user.id not in excluded:
                    peers.append(user.id)
            by_peers[tuple(peers)].append(appraisal.id)
        for peer_ids, appraisal_ids in by_peers.items():
            # sudo: the peers follow the job's rule above, not the caller's
            # choice (an HR officer generating a cycle that includes them).
            self.browse(appraisal_ids).sudo().write(
                {"peer_user_ids": [fields.Command.set(list(peer_ids))]}
            )
        wanting.action_request_peer_evaluations()

    def _ops_check_evaluation_open(self):
        for appraisal in self:
            if appraisal.state != "open" or appraisal.cycle_id.state not in ("draft", "open"):
                raise UserError(
                    self.env._(
                        "Raters of %(employee)s are asked only before the evaluation closes.",
                        employee=appraisal.employee_name,
                    )
                )

    def action_request_peer_evaluations(self):
        self._ops_check_evaluation_open()
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
            if appraisal.state != "open" or appraisal.cycle_id.state not in ("draft", "open"):
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
            # A search then the scores, not a grouped read: a grouped read of
            # final_score would first recompute the pending final scores of
            # the very appraisals being computed here, with their old score.
            monthly = (
                self.env["ops.appraisal"]
                .sudo()
                .search_fetch(
                    [
                        ("cycle_id.period", "=", "monthly"),
                        ("cycle_id.date_start", ">=", cycle.date_start),
                        ("cycle_id.date_end", "<=", cycle.date_end),
                        ("state", "in", list(PUBLISHED_STATES)),
                        ("employee_id", "in", self.employee_id.ids),
                    ],
                    ["employee_id", "final_score"],
                )
            )
            scores = defaultdict(list)
            for appraisal in monthly:
                scores[appraisal.employee_id.id].append(appraisal.final_score)
            result.update(
                {
                    (cycle.id, employee_id): sum(values) / len(values)
                    for employee_id, values in scores.items()
                }
            )
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
        # sudo: the employee may not write their published appraisal; the
        # step writes its state and date only.
        self._ops_transition("acknowledge", {"date_acknowledged": fields.Datetime.now()}, sudo=True)
        return True

    def action_appeal(self):
        self._ops_check_own_published()
        self._ops_lock_rows()
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
        # sudo: as for the acknowledgement, only the appeal's state is written.
        self._ops_transition("appeal", {"appeal_state": "open"}, sudo=True)
        return True

    def action_decide_appeal(self, upheld, decision, new_score=None):
        """HR other than the appellant decides an appeal (from the wizard
        ``ops.appraisal.appeal.decision``): upheld with a new score within the
        template's scale, or rejected; the reason is written in both cases."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(HR):
            raise UserError(self.env._("HR decides appeals."))
        if not isinstance(decision, str) or not decision.strip():
            raise UserError(self.env._("Write the decision on the appeal."))
        self._ops_lock_rows()
        if self.appeal_state != "open":
            raise UserError(self.env._("There is no open appeal on this appraisal."))
        vals = {
            "appeal_state": "upheld" if upheld else "rejected",
            "appeal_decision": decision.strip(),
            "appeal_decided_by_id": self.env.user.id,
            "date_appeal_decided": fields.Datetime.now(),
        }
        if upheld:
            score = self._ops_appeal_score(new_score)
            vals.update(appeal_score=score, calibrated_score=score)
        # sudo: the published appraisal is written by the step only, after its
        # checks (HR, not the appellant, the appeal open) ran as the officer.
        self._ops_transition("decide_appeal", vals, sudo=True)
        return True

    def _ops_appeal_score(self, new_score):
        """The score of an upheld appeal, checked against the scale."""
        self.ensure_one()
        highest = self.cycle_id.template_id._ops_score_max()
        try:
            score = float(new_score)
        except (TypeError, ValueError, OverflowError):
            score = -1.0
        if isinstance(new_score, bool) or not 0 < score <= highest:
            raise UserError(
                self.env._(
                    "An upheld appeal gives %(employee)s a new score above 0 and up to "
                    "%(highest)s.",
                    employee=self.employee_name,
                    highest=highest,
                )
            )
        return score
