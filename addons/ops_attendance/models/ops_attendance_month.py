# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from pytz import UTC, timezone

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

STATES = [
    ("draft", "Draft"),
    ("computed", "Computed"),
    ("published", "Published"),
    ("locked", "Locked"),
]


# Longest break inside one shift (lunch); a longer gap starts another shift.
MAX_BREAK = timedelta(hours=5)


def _utc(value):
    """Naive UTC datetime of an aware datetime."""
    return value.astimezone(UTC).replace(tzinfo=None)


def _overlap(start, end, other_start, other_end):
    return max(timedelta(0), min(end, other_end) - max(start, other_start))


def _hours(delta):
    return delta.total_seconds() / 3600.0


HR = "ops_org.ops_org_group_hr"
# The figures of an employee's line of a month.
FIGURES = (
    "planned_days",
    "planned_hours",
    "worked_days",
    "worked_hours",
    "late_count",
    "late_minutes",
    "early_count",
    "early_minutes",
    "absence_days",
    "leave_days",
    "overtime_hours",
)


class OpsAttendanceMonth(models.Model):
    """The monthly attendance summary of a company (policy §三(二)1): HR
    computes it from the attendances and time off against each employee's
    working schedule and the public holidays, reviews and publishes it;
    employees then see their own line and may dispute it for a few days;
    HR settles the disputes and locks the month."""

    _name = "ops.attendance.month"
    _description = "Monthly Attendance"
    _inherit = ["ops.workflow.mixin", "ops.job.mixin", "mail.thread"]
    _order = "date_from desc, company_id"

    _ops_transitions = {
        "compute": Transition(("draft", "computed"), "computed", (HR,)),
        "reset": Transition(("computed",), "draft", (HR,)),
        "publish": Transition(("computed",), "published", (HR,)),
        "lock": Transition(("published",), "locked", (HR,)),
    }
    _ops_workflow_fields = ("computed_date", "published_date")
    # HR's steps of the month's workflow (about every employee, no one's
    # case), and the list of its lines.
    _ops_harmless_methods = (
        "action_compute",
        "action_reset",
        "action_publish",
        "action_lock",
        "action_view_lines",
    )

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self._default_company_id(),
        tracking=True,
    )
    date_from = fields.Date(
        string="Month",
        required=True,
        default=lambda self: self._default_date_from(),
        help="First day of the month.",
    )
    date_to = fields.Date(string="Last Day", compute="_compute_date_to", store=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)
    dispute_days = fields.Integer(
        string="Dispute Period (Days)",
        default=lambda self: self.env.company.ops_dispute_days,
        help="Employees may dispute their line for this many days after publication.",
    )
    published_date = fields.Date(readonly=True, copy=False)
    dispute_deadline = fields.Date(compute="_compute_dispute_deadline", store=True)
    computed_date = fields.Datetime(string="Computed On", readonly=True, copy=False)
    line_ids = fields.One2many("ops.attendance.month.line", "month_id", string="Lines")
    dispute_ids = fields.One2many("ops.attendance.dispute", "month_id", string="Disputes")
    line_count = fields.Integer(compute="_compute_counts")
    open_dispute_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "company_month_uniq",
            "unique(company_id, date_from)",
            "There is already an attendance summary for this month.",
        )
    ]

    def _default_company_id(self):
        return self.env.company

    def _default_date_from(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    @api.depends("date_from")
    def _compute_name(self):
        for month in self:
            month.name = month.date_from and month.date_from.strftime("%Y-%m")

    @api.depends("date_from")
    def _compute_date_to(self):
        for month in self:
            month.date_to = month.date_from and month.date_from + relativedelta(day=31)

    @api.depends("published_date", "dispute_days")
    def _compute_dispute_deadline(self):
        for month in self:
            month.dispute_deadline = month.published_date and month.published_date + timedelta(
                days=month.dispute_days
            )

    def _compute_counts(self):
        lines = dict(
            self.env["ops.attendance.month.line"]._read_group(
                [("month_id", "in", self.ids)], ["month_id"], ["__count"]
            )
        )
        disputes = dict(
            self.env["ops.attendance.dispute"]._read_group(
                [("month_id", "in", self.ids), ("state", "=", "open")], ["month_id"], ["__count"]
            )
        )
        for month in self:
            month.line_count = lines.get(month, 0)
            month.open_dispute_count = disputes.get(month, 0)

    @api.constrains("date_from", "dispute_days")
    def _check_date_from(self):
        for month in self:
            if month.date_from.day != 1:
                raise ValidationError(
                    self.env._("An attendance summary starts on the first day of a month.")
                )
            if month.dispute_days < 0:
                raise ValidationError(self.env._("The dispute period cannot be negative."))

    # -- CRUD --------------------------------------------------------------

    def _ops_check_not_locked(self):
        locked = self.filtered(lambda month: month.state == "locked")
        if locked:
            raise UserError(
                self.env._(
                    "The attendance of %(months)s is locked: it cannot be changed.",
                    months=", ".join(locked.mapped("name")),
                )
            )

    def write(self, vals):
        if set(vals) - {"message_main_attachment_id"}:
            self._ops_check_not_locked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self._ops_check_not_locked()
        if self.filtered(lambda month: month.state == "published"):
            raise UserError(self.env._("A published attendance summary cannot be deleted."))

    # -- actions -----------------------------------------------------------

    def action_compute(self):
        """Compute the month again: its lines are replaced, one job per
        chunk of employees on the HR channel."""
        size = int(
            self.env["ir.config_parameter"].sudo().get_param("ops_attendance.chunk_size", 500)
        )
        for month in self:
            month._ops_check_jobs_done()
            month._ops_transition("compute", {"computed_date": fields.Datetime.now()})
            # sudo: the lines are the month's (HR's step, checked above);
            # those of people no longer in it go with the others.
            month.line_ids.sudo().unlink()
            ids = [row[0] for row in month._ops_employees()]
            month._ops_delay_chunks(
                "compute",
                "_ops_job_compute",
                [ids[start : start + size] for start in range(0, len(ids), size)],
                lambda chunk, month=month: month.env._(
                    "Compute attendance: %(month)s, %(count)s employees",
                    month=month.name,
                    count=len(chunk),
                ),
            )
        return True

    def _ops_job_compute(self, employee_ids):
        """Job: the lines of one chunk of employees. Idempotent: their
        lines, if a run before wrote them, are replaced."""
        self.ensure_one()
        if self.state != "computed":
            return "skipped: the month is no longer being computed"
        self._ops_compute(employee_ids)
        return f"{len(employee_ids)} employees"

    def action_reset(self):
        self._ops_check_jobs_done()
        self._ops_transition("reset", {"computed_date": False})
        self.line_ids.unlink()
        return True

    def action_publish(self):
        self._ops_check_jobs_done()
        self._ops_transition("publish", {"published_date": fields.Date.context_today(self)})
        for month in self:
            month.message_post(
                body=self.env._(
                    "Published: employees may dispute their line until %(deadline)s.",
                    deadline=month.dispute_deadline,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_lock(self):
        for month in self:
            if month.open_dispute_count:
                raise UserError(
                    self.env._(
                        "Settle the %(count)s open disputes of %(month)s before locking it.",
                        count=month.open_dispute_count,
                        month=month.name,
                    )
                )
        self._ops_transition("lock")
        return True

    @api.model
    def _cron_lock_months(self):
        """Lock the published months whose dispute period is over and whose
        disputes are all settled."""
        today = fields.Date.context_today(self)
        months = self.search([("state", "=", "published"), ("dispute_deadline", "<", today)])
        return months.filtered(lambda m: not m.open_dispute_count).action_lock()

    @api.model
    def _cron_draft_previous_month(self):
        """Daily: from the first working day of a month (on the company's
        calendar, its public holidays off), each company's summary of the
        month before is created and computed — a draft for HR to review and
        publish — and HR is told. Once per company and month: a month that
        exists is left alone."""
        today = fields.Date.context_today(self)
        first = today.replace(day=1)
        previous = first - relativedelta(months=1)
        for company in self.env["res.company"].search([]):
            if not self._ops_working_day_reached(company, first, today):
                continue
            if self.search_count([("company_id", "=", company.id), ("date_from", "=", previous)]):
                continue
            month = self.with_company(company).create(
                {"company_id": company.id, "date_from": previous}
            )
            month.action_compute()
            month._ops_tell_hr()
        return True

    @api.model
    def _ops_working_day_reached(self, company, first, today):
        """Whether a working day of ``company``'s calendar falls between
        ``first`` and ``today`` (both included)."""
        calendar = company._ops_working_calendar()
        tz = timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(first, time.min))
        stop = tz.localize(datetime.combine(today + timedelta(days=1), time.min))
        domain = [
            ("time_type", "=", "leave"),
            ("resource_id", "=", False),
            ("company_id", "in", [False, company.id]),
        ]
        return bool(list(calendar._work_intervals_batch(start, stop, domain=domain, tz=tz)[False]))

    def _ops_tell_hr(self):
        """The HR officers of the company hear that the month waits for
        their review."""
        self.ensure_one()
        hr = self._ops_group_users(HR, company=self.company_id)
        self.message_post(
            body=self.env._(
                "The attendance summary of %(month)s is computed: review it, then publish it "
                "to the employees.",
                month=self.name,
            ),
            partner_ids=hr.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_attendance.ops_attendance_month_line_action"
        )
        action["domain"] = [("month_id", "=", self.id)]
        action["context"] = {"default_month_id": self.id}
        return action

    # -- computation -------------------------------------------------------

    def _ops_employees(self):
        """(employee, resource, calendar, department) of the company's active
        employees with a working schedule, in one query."""
        self.ensure_one()
        self.env["hr.employee"].flush_model()
        rows = self.env.execute_query(
            SQL(
                """SELECT id, resource_id, resource_calendar_id, department_id, user_id
                     FROM hr_employee
                    WHERE company_id = %s AND active AND resource_calendar_id IS NOT NULL
                 ORDER BY id""",
                self.company_id.id,
            )
        )
        return rows

    def _ops_bounds(self):
        """Naive UTC bounds wide enough for every time zone and for night
        shifts that end on the first day of the next month."""
        start = datetime.combine(self.date_from, time.min) - timedelta(days=1)
        end = datetime.combine(self.date_to, time.max) + timedelta(days=2)
        return start, end

    def _ops_fetch(self, employee_ids):
        """Attendances and validated time off of the employees, one query each."""
        start, end = self._ops_bounds()
        self.env["hr.attendance"].flush_model()
        self.env["hr.leave"].flush_model()
        attendances = defaultdict(list)
        for employee_id, check_in, check_out in self.env.execute_query(
            SQL(
                """SELECT employee_id, check_in, check_out
                     FROM hr_attendance
                    WHERE employee_id = ANY(%s) AND check_in < %s AND check_in >= %s
                 ORDER BY check_in""",
                employee_ids,
                end,
                start,
            )
        ):
            attendances[employee_id].append((check_in, check_out))
        leaves = defaultdict(list)
        for employee_id, type_id, date_from, date_to in self.env.execute_query(
            SQL(
                """SELECT employee_id, holiday_status_id, date_from, date_to
                     FROM hr_leave
                    WHERE employee_id = ANY(%s) AND state = 'validate'
                      AND date_from < %s AND date_to > %s""",
                employee_ids,
                end,
                start,
            )
        ):
            leaves[employee_id].append((type_id, date_from, date_to))
        return attendances, leaves

    def _ops_planned(self, employees):
        """Shifts per resource: one call of ``_work_intervals_batch`` per
        working schedule, public holidays removed, personal time off kept."""
        start, end = self._ops_bounds()
        start, end = UTC.localize(start), UTC.localize(end)
        by_calendar = defaultdict(list)
        for _employee_id, resource_id, calendar_id, _department_id, _user_id in employees:
            by_calendar[calendar_id].append(resource_id)
        shifts = {}
        Calendar = self.env["resource.calendar"].sudo()
        for calendar_id, resource_ids in by_calendar.items():
            calendar = Calendar.browse(calendar_id)
            resources = self.env["resource.resource"].sudo().browse(resource_ids)
            intervals = calendar._work_intervals_batch(
                start,
                end,
                resources=resources,
                domain=[("time_type", "=", "leave"), ("resource_id", "=", False)],
            )
            for resource_id in resource_ids:
                shifts[resource_id] = self._ops_shifts(intervals.get(resource_id, []))
        return shifts

    def _ops_shifts(self, intervals):
        """Group planned intervals (aware, in the employee's time zone) into
        shifts: the intervals of a day, plus the one that continues it past
        midnight (a night shift), with breaks of at most ``MAX_BREAK``.
        Each shift: local date of its start, UTC intervals."""
        shifts = []
        for start, stop, _records in intervals:
            gap = shifts and start - shifts[-1]["local_end"]
            if shifts and (
                gap <= timedelta(seconds=1)  # 24:00 is 23:59:59.999999
                or (start.date() == shifts[-1]["local_end"].date() and gap <= MAX_BREAK)
            ):
                shift = shifts[-1]
            else:
                shift = {"date": start.date(), "intervals": []}
                shifts.append(shift)
            shift["intervals"].append((_utc(start), _utc(stop)))
            shift["local_end"] = stop
        return [
            shift
            for shift in shifts
            if self.date_from <= shift["date"] <= self.date_to and shift["intervals"]
        ]

    def _ops_compute(self, employee_ids):
        """Replace the lines of the month of ``employee_ids`` by freshly
        computed ones. The number of queries does not depend on the number
        of employees: one query per table read, one ``_work_intervals_batch``
        per schedule, one insert of the lines and one of their time off by
        type."""
        self.ensure_one()
        company = self.company_id
        tolerances = {
            "late": timedelta(minutes=company.ops_late_tolerance),
            "early": timedelta(minutes=company.ops_early_tolerance),
            "overtime": timedelta(minutes=company.ops_overtime_minimum),
        }
        wanted = set(employee_ids)
        employees = [row for row in self._ops_employees() if row[0] in wanted]
        self.env["ops.attendance.month.line"].sudo().search(
            [("month_id", "=", self.id), ("employee_id", "in", list(wanted))]
        ).unlink()
        if not employees:
            return
        employee_ids = [row[0] for row in employees]
        attendances, leaves = self._ops_fetch(employee_ids)
        shifts = self._ops_planned(employees)
        tz_by_resource = {
            r.id: timezone(r.tz or "UTC")
            for r in self.env["resource.resource"].sudo().browse([row[1] for row in employees])
        }
        line_vals, leave_days = [], []
        for employee_id, resource_id, _calendar_id, department_id, user_id in employees:
            vals, by_type = self._ops_compute_employee(
                shifts.get(resource_id, []),
                attendances.get(employee_id, []),
                leaves.get(employee_id, []),
                tz_by_resource[resource_id],
                tolerances,
            )
            vals.update(employee_id=employee_id, department_id=department_id, user_id=user_id)
            line_vals.append(vals)
            leave_days.append(by_type)
        line_ids = self._ops_insert_lines(line_vals)
        detail_vals = [
            (line_id, vals, type_id, days, hours)
            for line_id, vals, by_type in zip(line_ids, line_vals, leave_days, strict=True)
            for type_id, (days, hours) in by_type.items()
        ]
        self._ops_insert_leaves(detail_vals)
        self.env["ops.attendance.month.line"].invalidate_model()
        self.env["ops.attendance.month.leave"].invalidate_model()
        self.invalidate_recordset(["line_ids"])

    def _ops_insert_lines(self, line_vals):
        """Insert the lines in one query (the ORM inserts 100 rows per
        query); returns their ids in the order of ``line_vals``."""
        if not line_vals:
            return []
        figures = list(FIGURES)
        columns = [
            "month_id",
            "company_id",
            "date_from",
            "employee_id",
            "department_id",
            "user_id",
            *figures,
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ]
        now, uid = fields.Datetime.now(), self.env.uid
        rows = SQL(", ").join(
            SQL(
                "(%s)",
                SQL(", ").join(
                    [
                        self.id,
                        self.company_id.id,
                        self.date_from,
                        vals["employee_id"],
                        vals["department_id"],
                        vals["user_id"],
                        *[vals.get(name, 0) for name in figures],
                        uid,
                        uid,
                        now,
                        now,
                    ]
                ),
            )
            for vals in line_vals
        )
        ids = self.env.execute_query(
            SQL(
                "INSERT INTO ops_attendance_month_line (%s) VALUES %s RETURNING id",
                SQL(", ").join(SQL.identifier(name) for name in columns),
                rows,
            )
        )
        return [row[0] for row in ids]

    def _ops_insert_leaves(self, detail_vals):
        if not detail_vals:
            return
        now, uid = fields.Datetime.now(), self.env.uid
        rows = SQL(", ").join(
            SQL(
                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                line_id,
                self.id,
                self.company_id.id,
                vals["employee_id"],
                vals["department_id"],
                type_id,
                days,
                hours,
                uid,
                uid,
                now,
                now,
            )
            for line_id, vals, type_id, days, hours in detail_vals
        )
        self.env.execute_query(
            SQL(
                """INSERT INTO ops_attendance_month_leave
                       (line_id, month_id, company_id, employee_id, department_id,
                        leave_type_id, days, hours, create_uid, write_uid, create_date,
                        write_date)
                   VALUES %s""",
                rows,
            )
        )

    def _ops_compute_employee(self, shifts, attendances, leaves, tz, tolerances):
        """Figures of one employee for the month, from plain Python values."""
        figures = defaultdict(float)
        by_type = defaultdict(lambda: [0.0, 0.0])
        used = set()
        for shift in shifts:
            intervals = shift["intervals"]
            shift_start, shift_end = intervals[0][0], intervals[-1][1]
            planned = sum((stop - start for start, stop in intervals), timedelta(0))
            if not planned:
                continue
            figures["planned_days"] += 1
            figures["planned_hours"] += _hours(planned)
            covered, uncovered = self._ops_cover(intervals, leaves, planned, by_type)
            if not uncovered:
                continue
            share = min(1.0, max(0.0, (planned - covered) / planned))
            mine = [
                (index, check_in, check_out)
                for index, (check_in, check_out) in enumerate(attendances)
                if _overlap(check_in, check_out or check_in, shift_start, shift_end)
                or shift_start <= check_in < shift_end
            ]
            if not mine:
                figures["absence_days"] += share
                continue
            used.update(index for index, _in, _out in mine)
            figures["worked_days"] += share
            first_in = min(check_in for _i, check_in, _out in mine)
            outs = [check_out for _i, _in, check_out in mine if check_out]
            expected_in, expected_out = uncovered[0][0], uncovered[-1][1]
            if first_in - expected_in > tolerances["late"]:
                figures["late_count"] += 1
                figures["late_minutes"] += (first_in - expected_in).total_seconds() / 60
            last_out = max(outs) if outs else first_in
            if expected_out - last_out > tolerances["early"]:
                figures["early_count"] += 1
                figures["early_minutes"] += (expected_out - last_out).total_seconds() / 60
            outside = timedelta(0)
            for _index, check_in, check_out in mine:
                if not check_out:
                    continue
                # Before the start or after the end of the shift; breaks
                # (lunch) inside the shift are not overtime.
                inside = _overlap(check_in, check_out, shift_start, shift_end)
                figures["worked_hours"] += _hours(check_out - check_in)
                outside += (check_out - check_in) - inside
            if outside >= tolerances["overtime"]:
                figures["overtime_hours"] += _hours(outside)
        # Work on days without a shift (week-ends, public holidays).
        for index, (check_in, check_out) in enumerate(attendances):
            if index in used or not check_out:
                continue
            local_day = UTC.localize(check_in).astimezone(tz).date()
            if not self.date_from <= local_day <= self.date_to:
                continue
            worked = check_out - check_in
            figures["worked_hours"] += _hours(worked)
            if worked >= tolerances["overtime"]:
                figures["overtime_hours"] += _hours(worked)
        figures["leave_days"] = sum(days for days, _hours_ in by_type.values())
        for name in ("late_minutes", "early_minutes"):
            figures[name] = round(figures[name])
        for name in ("late_count", "early_count", "planned_days"):
            figures[name] = int(figures[name])
        return dict(figures), {key: tuple(value) for key, value in by_type.items()}

    def _ops_cover(self, intervals, leaves, planned, by_type):
        """Time off covering part of a shift: (time covered, the planned
        intervals left uncovered); ``by_type`` gets the days and hours."""
        uncovered = list(intervals)
        covered = timedelta(0)
        for type_id, leave_from, leave_to in leaves:
            part = sum(
                (_overlap(start, stop, leave_from, leave_to) for start, stop in intervals),
                timedelta(0),
            )
            if part:
                covered += part
                by_type[type_id][0] += part / planned
                by_type[type_id][1] += _hours(part)
                uncovered = self._ops_subtract(uncovered, leave_from, leave_to)
        return covered, [(start, stop) for start, stop in uncovered if stop > start]

    @staticmethod
    def _ops_subtract(intervals, start, stop):
        result = []
        for left, right in intervals:
            if stop <= left or start >= right:
                result.append((left, right))
                continue
            if start > left:
                result.append((left, start))
            if stop < right:
                result.append((stop, right))
        return result


class OpsAttendanceMonthLine(models.Model):
    _name = "ops.attendance.month.line"
    _description = "Monthly Attendance Line"
    _order = "month_id desc, department_id, employee_id"
    _rec_name = "employee_id"

    # HR corrects a line (after a dispute, say): never their own.
    _ops_subject_fields = ("employee_id",)
    _ops_decision_fields = (*FIGURES, "note", "employee_id")

    month_id = fields.Many2one(
        "ops.attendance.month", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="month_id.company_id", store=True)
    date_from = fields.Date(string="Month Start", related="month_id.date_from", store=True)
    # Not stored: publishing or locking a month writes no line.
    state = fields.Selection(related="month_id.state")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User")
    department_id = fields.Many2one("hr.department", index=True)
    planned_days = fields.Integer(string="Working Days")
    planned_hours = fields.Float(string="Working Hours")
    worked_days = fields.Float(string="Days Worked", digits=(16, 2))
    worked_hours = fields.Float(string="Hours Worked", digits=(16, 2))
    late_count = fields.Integer(string="Late Arrivals")
    late_minutes = fields.Integer(string="Minutes Late")
    early_count = fields.Integer(string="Early Departures")
    early_minutes = fields.Integer(string="Minutes Left Early")
    absence_days = fields.Float(
        string="Absence Without Leave (Days)",
        digits=(16, 2),
        help="Scheduled working time without attendance and without time off.",
    )
    leave_days = fields.Float(string="Time Off (Days)", digits=(16, 2))
    overtime_hours = fields.Float(string="Overtime (Hours)", digits=(16, 2))
    leave_ids = fields.One2many("ops.attendance.month.leave", "line_id", string="Time Off by Type")
    leave_summary = fields.Char(string="Time Off Summary", compute="_compute_leave_summary")
    note = fields.Text(help="HR's note, e.g. a correction after a dispute.")
    dispute_ids = fields.One2many("ops.attendance.dispute", "line_id", string="Disputes")

    _sql_constraints = [
        (
            "month_employee_uniq",
            "unique(month_id, employee_id)",
            "An employee has one line per month.",
        )
    ]

    @api.depends("leave_ids.days", "leave_ids.leave_type_id")
    def _compute_leave_summary(self):
        for line in self:
            line.leave_summary = ", ".join(
                f"{leave.leave_type_id.name} {leave.days:g}" for leave in line.leave_ids
            )

    @api.model_create_multi
    def create(self, vals_list):
        months = self.env["ops.attendance.month"].browse(
            {vals["month_id"] for vals in vals_list if vals.get("month_id")}
        )
        months._ops_check_not_locked()
        return super().create(vals_list)

    def write(self, vals):
        self.month_id._ops_check_not_locked()
        return super().write(vals)

    def unlink(self):
        self.month_id._ops_check_not_locked()
        return super().unlink()


class OpsAttendanceMonthLeave(models.Model):
    _name = "ops.attendance.month.leave"
    _description = "Monthly Attendance Time Off by Type"
    _order = "line_id, leave_type_id"

    line_id = fields.Many2one(
        "ops.attendance.month.line", required=True, ondelete="cascade", index=True
    )
    month_id = fields.Many2one(related="line_id.month_id", store=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    employee_id = fields.Many2one(related="line_id.employee_id", store=True)
    department_id = fields.Many2one(related="line_id.department_id", store=True)
    state = fields.Selection(related="line_id.state")
    leave_type_id = fields.Many2one("hr.leave.type", string="Time Off Type", required=True)
    days = fields.Float(digits=(16, 2))
    hours = fields.Float(digits=(16, 2))

    @api.model_create_multi
    def create(self, vals_list):
        lines = self.env["ops.attendance.month.line"].browse(
            {vals["line_id"] for vals in vals_list if vals.get("line_id")}
        )
        lines.month_id._ops_check_not_locked()
        return super().create(vals_list)

    def write(self, vals):
        self.line_id.month_id._ops_check_not_locked()
        return super().write(vals)

    def unlink(self):
        self.line_id.month_id._ops_check_not_locked()
        return super().unlink()
