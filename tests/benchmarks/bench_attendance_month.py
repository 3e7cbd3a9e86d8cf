"""Monthly attendance summary of generated employees x 22 working days.

Computes March 2026 for 200 and for 1,000 generated employees (each with a
check-in and check-out on every working day, one late arrival in five) and
prints the time and the queries of each size. Goals: 1,000 employees in at
most 10 s, and the same number of queries at both sizes (one query per
table read, one ``_work_intervals_batch`` per schedule, one insert of the
lines).
"""

import time
from datetime import date, datetime, timedelta

from psycopg2.extras import execute_values

SIZES = (200, 1000)
WARM_UP = 20
GOAL_SECONDS = 10.0


def _days():
    day, days = date(2026, 3, 1), []
    while day.month == 3:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _company(env, size):
    company = env["res.company"].create({"name": f"Bench attendance {size}"})
    calendar = company.resource_calendar_id
    calendar.tz = "UTC"
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Bench attendance {size}-{i}",
                "company_id": company.id,
                "resource_calendar_id": calendar.id,
                "tz": "UTC",
            }
            for i in range(size)
        ]
    )
    env.flush_all()
    rows = []
    for index, employee in enumerate(employees):
        for day in _days():
            late = 30 if (index + day.day) % 5 == 0 else 0
            rows.append(
                (
                    employee.id,
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=late),
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=17),
                )
            )
    # Attendances straight in SQL: the set-up is not what is measured.
    now = datetime.now()
    execute_values(
        env.cr._obj,
        "INSERT INTO hr_attendance (employee_id, check_in, check_out, worked_hours, "
        "overtime_hours, create_uid, write_uid, create_date, write_date) VALUES %s",
        [(*row, 8, 0, 1, 1, now, now) for row in rows],
    )
    env.invalidate_all()
    return company


def _compute(env, company):
    month = env["ops.attendance.month"].create(
        {"company_id": company.id, "date_from": "2026-03-01"}
    )
    env.flush_all()
    env.invalidate_all()
    cr = env.cr
    # The month's computation itself, in one chunk and in this request (the
    # job runner would run each chunk of ``ops_attendance.chunk_size`` so).
    env["ir.config_parameter"].set_param("ops_attendance.chunk_size", 100000)
    month = month.with_context(queue_job__no_delay=True)
    queries, start = cr.sql_log_count, time.perf_counter()
    month.action_compute()
    env.flush_all()
    elapsed = time.perf_counter() - start
    return elapsed, cr.sql_log_count - queries, len(month.line_ids)


def run(env):
    # Warm-up, not counted: the first month of a process fills Odoo's caches
    # (the chunk size setting, job functions, rules), which would weigh on
    # the smaller size only.
    _compute(env, _company(env, WARM_UP))
    results = {}
    for size in SIZES:
        results[size] = _compute(env, _company(env, size))
    (t_small, q_small, n_small), (t_large, q_large, n_large) = (results[s] for s in SIZES)
    return [
        (f"attendance month: seconds, {n_small} employees", f"{t_small:.2f}", "(shown)", True),
        (
            f"attendance month: seconds, {n_large} employees x 22 days",
            f"{t_large:.2f}",
            f"<= {GOAL_SECONDS:.0f}",
            t_large <= GOAL_SECONDS,
        ),
        (
            f"attendance month: queries {n_small} / {n_large} employees",
            f"{q_small} / {q_large}",
            "equal",
            q_large == q_small,
        ),
    ]
