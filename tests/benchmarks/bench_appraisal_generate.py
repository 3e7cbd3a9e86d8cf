"""Generating an appraisal cycle (``action_generate``): the appraisal of every
employee in scope, the supervisor's and the self evaluation with a rating
line per criterion, and two peers' evaluations (the employees' job asks for
them), for 500 and for 5,000 employees.

The employees are created in the benchmark's transaction (rolled back): one
department under a head, all on a job asking for two peers, one in five
with a user of their own (users copied in SQL from one made by the ORM, the
employees created in one batch). Prints the time per employee and the
queries of each size. Goals: the time per employee at 5,000 is within
1.1 x that at 500, and the queries are batched: no more per employee at
5,000 than at 500 (they grow only with the chunks: one job per chunk of
departments, the ORM's batches of inserts). A generation of 50 employees
runs first, untimed; each size generates two fresh cycles on the same
employees and the faster counts; the garbage collector is off while timing
(as in timeit). The jobs the cycle may enqueue run inline
(``queue_job__no_delay``).
"""

import gc
import time

from fixtures import appraisal_template
from timing import per_employee_rows

SIZES = (500, 5000)
WARM_UP = 50
REPEAT = 2
USER_EVERY = 5
PEERS = 2


def _copied_columns(cr, table, *set_apart):
    """The columns of ``table`` a copy takes from its template, quoted and
    joined: all but those in ``set_apart``."""
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])
    return ", ".join(f'"{c}"' for (c,) in cr.fetchall() if c not in set_apart)


def _users(env, count, tag):
    """``count`` internal users, copied in SQL (partner, user, groups,
    companies) from one the ORM creates."""
    template = env["res.users"].create(
        {"name": f"Bench rater {tag}", "login": f"bench-rater-{tag}"}
    )
    env.flush_all()
    cr = env.cr
    cols = _copied_columns(cr, "res_partner", "id", "name", "complete_name")
    cr.execute(
        f"""INSERT INTO res_partner ({cols}, name, complete_name)
            SELECT {cols}, 'Bench rater ' || %(tag)s || '-' || n,
                   'Bench rater ' || %(tag)s || '-' || n
              FROM res_partner, generate_series(1, %(count)s) n
             WHERE id = %(id)s
            RETURNING id""",
        {"tag": tag, "count": count, "id": template.partner_id.id},
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cols = _copied_columns(cr, "res_users", "id", "login", "partner_id")
    cr.execute(
        f"""INSERT INTO res_users ({cols}, login, partner_id)
            SELECT {cols}, 'bench-rater-' || %(tag)s || '-' || p.n, p.partner_id
              FROM res_users, unnest(%(partners)s::int[]) WITH ORDINALITY AS p(partner_id, n)
             WHERE id = %(id)s
            RETURNING id""",
        {"tag": tag, "partners": partner_ids, "id": template.id},
    )
    user_ids = [row[0] for row in cr.fetchall()]
    for table, column, user in (
        ("res_groups_users_rel", "gid", "uid"),
        ("res_company_users_rel", "cid", "user_id"),
    ):
        cr.execute(
            f"""INSERT INTO {table} ({column}, {user})
                SELECT rel.{column}, u FROM {table} rel, unnest(%s::int[]) u
                 WHERE rel.{user} = %s""",
            [user_ids, template.id],
        )
    return env["res.users"].browse(user_ids)


def _employees(env, size):
    """A department of ``size`` employees under a head, on a job asking for
    peers; one in ``USER_EVERY`` has a user."""
    company = env.company
    head_user = env["res.users"].create(
        {"name": f"Bench gen head {size}", "login": f"bench-gen-head-{size}"}
    )
    head = env["hr.employee"].create({"name": head_user.name, "user_id": head_user.id})
    department = env["hr.department"].create(
        {"name": f"Bench gen {size}", "manager_id": head.id, "company_id": company.id}
    )
    job = env["hr.job"].create(
        {"name": f"Bench gen {size}", "ops_appraisal_peer_count": PEERS, "company_id": company.id}
    )
    users = iter(_users(env, size // USER_EVERY, f"gen{size}"))
    env["hr.employee"].create(
        [
            {
                "name": f"Bench gen employee {size}-{i}",
                "department_id": department.id,
                "parent_id": head.id,
                "job_id": job.id,
                "company_id": company.id,
                "user_id": next(users).id if i % USER_EVERY == 0 else False,
            }
            for i in range(size)
        ]
    )
    template = appraisal_template(env, f"Bench gen {size}")
    env.flush_all()
    return department, template


def _generate(env, department, template, run):
    cycle = env["ops.appraisal.cycle"].create(
        {
            "name": f"Bench gen {department.name}-{run}",
            "period": "monthly",
            "date_start": "2026-11-01",
            "date_end": "2026-11-30",
            "template_id": template.id,
            "department_ids": [(6, 0, department.ids)],
            "company_id": env.company.id,
        }
    )
    env.flush_all()
    env.invalidate_all()
    cr = env.cr
    gc.collect()
    gc.disable()
    try:
        queries, start = cr.sql_log_count, time.perf_counter()
        cycle.with_context(queue_job__no_delay=True).action_generate()
        env.flush_all()
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    appraisals = cycle.appraisal_ids
    return elapsed, cr.sql_log_count - queries, appraisals


def _check(appraisals, department):
    """What the generation must give: every employee of the department (the
    head included, whose supervisor is Leadership), a supervisor's
    evaluation each, a self evaluation for those with a user, the job's
    peers, and a line per criterion on every evaluation."""
    members = department.member_ids
    assert set(appraisals.employee_id.ids) >= set(members.ids), "employees missing"
    evaluations = appraisals.evaluation_ids
    roles = evaluations.mapped("role")
    assert roles.count("supervisor") == len(appraisals.filtered("supervisor_user_id"))
    assert roles.count("self") == len(appraisals.filtered("user_id"))
    assert roles.count("peer") == sum(len(a.peer_user_ids) for a in appraisals)
    assert all(len(a.peer_user_ids) == PEERS for a in appraisals if a.employee_id in members)
    assert len(evaluations.line_ids) == 3 * len(evaluations)


def run(env):
    warm_department, warm_template = _employees(env, WARM_UP)
    _generate(env, warm_department, warm_template, 0)
    results = {}
    for size in SIZES:
        department, template = _employees(env, size)
        best = None
        for run_ in range(REPEAT):
            elapsed, queries, appraisals = _generate(env, department, template, run_)
            _check(appraisals, department)
            if best is None or elapsed < best[0]:
                best = (elapsed, queries, len(appraisals))
        results[size] = best
    (t_small, q_small, n_small), (t_large, q_large, n_large) = (results[s] for s in SIZES)
    return [
        *per_employee_rows("appraisal generation", results[SIZES[0]], results[SIZES[1]]),
        (
            f"appraisal generation: queries {n_small} / {n_large} employees",
            f"{q_small} / {q_large}",
            f"<= {q_small * n_large // n_small} at {n_large}",
            # Batched: no more queries per employee at the larger size (they
            # grow with the chunks: the generation's jobs, the ORM's inserts).
            q_large * n_small <= q_small * n_large,
        ),
    ]
