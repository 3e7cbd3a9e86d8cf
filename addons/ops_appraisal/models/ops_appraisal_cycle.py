# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

HR = "ops_org.ops_org_group_hr"


class OpsAppraisalCycle(models.Model):
    """A monthly, quarterly or annual appraisal round (policy §四(一)2) for the
    employees in scope."""

    _name = "ops.appraisal.cycle"
    _description = "Appraisal Cycle"
    _inherit = ["mail.thread", "ops.workflow.mixin", "ops.job.mixin"]
    _order = "date_start desc, id desc"

    # HR runs the cycle; each step moves every appraisal of the cycle with it.
    _ops_transitions = {
        "generate": Transition(("draft", "open"), None, (HR,)),
        "open": Transition(("draft",), "open", (HR,)),
        "calibrate": Transition(("open",), "calibration", (HR,)),
        "publish": Transition(("calibration",), "published", (HR,)),
        "close": Transition(("published",), "closed", (HR,)),
    }
    _ops_workflow_fields = ("date_published",)
    _ops_harmless_methods = (
        "action_generate",
        "action_open",
        "action_calibrate",
        "action_publish",
        "action_close",
    )

    name = fields.Char(required=True, tracking=True)
    period = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annual", "Annual")],
        required=True,
        default="monthly",
    )
    date_start = fields.Date(required=True)
    date_end = fields.Date(required=True)
    deadline = fields.Date(string="Evaluation Deadline")
    reminder_days = fields.Integer(
        default=3,
        ops_min=0,
        help="Raters who have not submitted are reminded this many days before the deadline.",
    )
    template_id = fields.Many2one("ops.appraisal.template", required=True, ondelete="restrict")
    department_ids = fields.Many2many(
        "hr.department", string="Departments", help="Leave empty for the whole company."
    )
    monthly_weight = fields.Float(
        string="Monthly Results (%)",
        default=50.0,
        ops_min=0,
        ops_max=100,
        help="Quarterly and annual results: share of the average of the period's "
        "published monthly results; the rest comes from this cycle's own evaluation.",
    )
    appeal_days = fields.Integer(
        default=7, ops_min=0, ops_max=366, help="Days after publication to appeal."
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Evaluation"),
            ("calibration", "Calibration"),
            ("published", "Published"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_published = fields.Date(readonly=True, copy=False)
    appraisal_ids = fields.One2many("ops.appraisal", "cycle_id", string="Appraisals")
    appraisal_count = fields.Integer(compute="_compute_appraisal_count")
    distribution_html = fields.Html(
        string="Grade Distribution",
        compute="_compute_distribution_html",
        sanitize=False,
        help="Target share of each grade against the actual results you can see.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("appraisal_ids")
    def _compute_appraisal_count(self):
        for cycle in self:
            cycle.appraisal_count = len(cycle.appraisal_ids)

    def _compute_distribution_html(self):
        for cycle in self:
            rows = cycle._ops_distribution()
            cycle.distribution_html = (
                self.env["ir.qweb"]._render(
                    "ops_appraisal.cycle_distribution",
                    {"rows": rows, "total": sum(row["count"] for row in rows)},
                )
                if rows
                else False
            )

    def _ops_distribution(self):
        """Per grade band: the target share and the actual number and share of
        the cycle's appraisals the current user may see (a department head
        sees their department's, HR the whole cycle's)."""
        self.ensure_one()
        if self.state in ("draft", "open") or not self.id:
            return []
        counts = dict(
            self.env["ops.appraisal"]._read_group(
                [("cycle_id", "=", self.id)], ["grade_id"], ["__count"]
            )
        )
        total = sum(counts.values())
        grades = self.env["ops.appraisal.grade"].search(
            [("company_id", "in", [self.company_id.id, False])]
        )
        rows = []
        for grade in grades:
            count = counts.get(grade, 0)
            share = 100.0 * count / total if total else 0.0
            rows.append(
                {
                    "grade": grade.name,
                    "target": grade.target_share,
                    "count": count,
                    "share": share,
                    "gap": share - grade.target_share if grade.target_share else 0.0,
                }
            )
        return rows

    @api.constrains(
        "date_start", "date_end", "deadline", "appeal_days", "monthly_weight", "reminder_days"
    )
    def _check_dates(self):
        for cycle in self:
            if cycle.date_end < cycle.date_start:
                raise ValidationError(
                    self.env._("Cycle %(cycle)s ends before it starts.", cycle=cycle.name)
                )
            if cycle.deadline and cycle.deadline < cycle.date_start:
                raise ValidationError(
                    self.env._(
                        "Cycle %(cycle)s: the evaluation deadline comes before the cycle starts.",
                        cycle=cycle.name,
                    )
                )
            if cycle.appeal_days < 0:
                raise ValidationError(
                    self.env._(
                        "Cycle %(cycle)s: the days to appeal cannot be negative.", cycle=cycle.name
                    )
                )
            if cycle.reminder_days < 0:
                raise ValidationError(
                    self.env._("Reminders are sent before the deadline, not after.")
                )
            if not 0 <= cycle.monthly_weight <= 100:
                raise ValidationError(
                    self.env._(
                        "Cycle %(cycle)s: the share of monthly results must be between 0 "
                        "and 100 %%.",
                        cycle=cycle.name,
                    )
                )

    def _employees_in_scope(self, ids=None):
        """The employees the cycle is for (of ``ids`` only, when given)."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if ids is not None:
            domain.append(("id", "in", ids))
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return self.env["hr.employee"].sudo().search(domain)

    def action_generate(self):
        """Create the appraisal of every employee in scope who has none yet,
        with the supervisor's and the self evaluation, and the peers' where
        the job asks for them: one job per chunk of departments (see
        ``_ops_department_chunks``) on the HR channel."""
        self._ops_transition("generate")
        for cycle in self:
            cycle._ops_check_jobs_done()
            done = cycle.sudo().appraisal_ids.employee_id
            employees = cycle._employees_in_scope() - done
            cycle._ops_delay_department_chunks(
                "generate", "_ops_job_generate", cycle.env._("Generate appraisals"), employees
            )
        return True

    def _ops_job_generate(self, employee_ids):
        """Job: the appraisals of one chunk of employees. Idempotent: an
        employee who has an appraisal of the cycle (a chunk run before) is
        skipped, one who left the scope too."""
        self.ensure_one()
        if self.state not in ("draft", "open"):
            return "skipped: the cycle is past its evaluation"
        employees = self._employees_in_scope(employee_ids)
        employees -= (
            self.env["ops.appraisal"]
            .sudo()
            .search([("cycle_id", "=", self.id), ("employee_id", "in", employees.ids)])
            .employee_id
        )
        appraisals = self.env["ops.appraisal"].create(
            [{"cycle_id": self.id, "employee_id": employee.id} for employee in employees]
        )
        appraisals._ops_create_default_evaluations()
        appraisals._ops_assign_peers()
        return f"{len(appraisals)} appraisals"

    def _ops_delay_department_chunks(self, step, method, action, employees):
        """Queue ``method`` of the cycle for ``employees``, one job per chunk
        of departments, each named ``action`` with its departments."""
        self._ops_delay_chunks(
            step,
            method,
            self._ops_department_chunks(employees),
            lambda ids: self._ops_chunk_name(action, ids),
        )

    def _ops_department_chunks(self, employees, size=None):
        """The ids of ``employees`` in chunks of whole departments (a chunk
        holds departments up to ``size`` people; a larger department is
        split), so a department's people are done together."""
        size = size or int(
            self.env["ir.config_parameter"].sudo().get_param("ops_appraisal.chunk_size", 500)
        )
        by_department = {}
        for employee in employees.sorted("id"):
            by_department.setdefault(employee.department_id.id, []).append(employee.id)
        chunks, current = [], []
        for _department, ids in sorted(by_department.items(), key=lambda kv: kv[0] or 0):
            while len(ids) > size:
                chunks.append(ids[:size])
                ids = ids[size:]
            if current and len(current) + len(ids) > size:
                chunks.append(current)
                current = []
            current = current + ids
        if current:
            chunks.append(current)
        return chunks

    def _ops_chunk_name(self, action, employee_ids):
        """A job's name: the step, the cycle and the departments of its
        chunk (names only: no result or person)."""
        departments = self.env["hr.employee"].sudo().browse(employee_ids).department_id
        names = ", ".join(departments.sorted("id").mapped("name")[:3])
        if len(departments) > 3:
            names += ", …"
        return self.env._(
            "%(action)s: %(cycle)s, %(departments)s (%(count)s people)",
            action=action,
            cycle=self.name,
            departments=names or self.env._("no department"),
            count=len(employee_ids),
        )

    def action_open(self):
        self._ops_transition("open")
        return True

    def action_calibrate(self):
        # The appraisals are all there first (generation may still run).
        self._ops_check_jobs_done()
        # Entering calibration recomputes every appraisal's score in one batch.
        self.with_context(tracking_disable=True)._ops_transition("calibrate")
        return True

    def action_publish(self):
        self._ops_transition("publish", {"date_published": fields.Date.context_today(self)})
        # sudo: every appraisal of the cycle is published, whether or not the
        # HR officer may read it (a classified result); only the state moves.
        # One chatter line on the cycle, not one per employee.
        appraisals = self.sudo().appraisal_ids.with_context(tracking_disable=True)
        appraisals.filtered(lambda a: a.state == "open")._ops_transition("publish")
        # Poor results get an improvement plan for the supervisor to agree.
        poor = appraisals.filtered(lambda a: a.grade_id.improvement_plan)
        self.env["ops.appraisal.improvement.plan"].sudo().create(
            [{"appraisal_id": appraisal.id} for appraisal in poor]
        )
        return True

    def action_close(self):
        """Close the cycle once every appeal is decided. The cycle's rows are
        locked first: of two officers closing at once, the second waits and
        then finds the cycle closed."""
        self._ops_check_step_access("close")
        self._ops_lock_rows()
        # sudo: appeals on results the officer may not read keep the cycle open
        # too. (A cycle already closed has none: the step below refuses it.)
        published = self.sudo().filtered(lambda c: c.state == "published")
        open_appeals = published.appraisal_ids.filtered(lambda a: a.appeal_state == "open")
        if open_appeals:
            raise UserError(
                self.env._(
                    "Decide the appeals of %(names)s before closing the cycle.",
                    names=", ".join(open_appeals.mapped("employee_name")),
                )
            )
        self._ops_check_jobs_done()
        self._ops_transition("close")
        for cycle in self:
            # sudo: as at publication, every result of the cycle closes with
            # it, whether or not the officer may read it.
            employees = (
                cycle.sudo().appraisal_ids.filtered(lambda a: a.state != "closed").employee_id
            )
            cycle._ops_delay_department_chunks(
                "close", "_ops_job_close", cycle.env._("Close appraisals"), employees
            )
        return True

    def _ops_job_close(self, employee_ids):
        """Job: close the appraisals of one chunk of employees. Idempotent:
        an appraisal closed already (a chunk run before) is left alone."""
        self.ensure_one()
        # sudo: the step was the HR officer's (checked when it was taken);
        # results they may not read close with the others.
        appraisals = (
            self.env["ops.appraisal"]
            .sudo()
            .with_context(tracking_disable=True)
            .search(
                [
                    ("cycle_id", "=", self.id),
                    ("employee_id", "in", employee_ids),
                    ("state", "!=", "closed"),
                ]
            )
        )
        appraisals._ops_transition("close")
        return f"{len(appraisals)} appraisals closed"

    def _ops_demo_run(self, target_state, submitted_share=100):
        """Demo data: generate the cycle, have ``submitted_share`` % of the
        evaluations rated (deterministic ratings) and take it to
        ``target_state``."""
        order = ["draft", "open", "calibration", "published", "closed"]
        # Demo data is made in the install's transaction: its jobs run there.
        cycles = self.with_context(queue_job__no_delay=True)
        # Updating the module runs demo functions again: only draft cycles move.
        for cycle in cycles.filtered(lambda c: c.state == "draft"):
            cycle.action_generate()
            cycle.action_open()
            evaluations = cycle.appraisal_ids.evaluation_ids.sorted("id")
            rated = evaluations[: len(evaluations) * submitted_share // 100]
            for evaluation in rated:
                employee = evaluation.appraisal_id.employee_id.id
                level = (5, 4, 4, 3, 4, 5, 2, 4)[employee % 8]
                for line in evaluation.line_ids:
                    if line.kind == "qualitative":
                        step = (employee + line.criterion_id.id + len(evaluation.role)) % 3 - 1
                        line.rating = min(max(level + step, 1), 5)
                    else:
                        line.value = line.target * (0.5 + level / 10)
            rated.action_submit()
            for state, step in (
                ("calibration", cycle.action_calibrate),
                ("published", cycle.action_publish),
                ("closed", cycle.action_close),
            ):
                if order.index(target_state) >= order.index(state):
                    step()
        return True
