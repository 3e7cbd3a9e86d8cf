"""Reading 100,000 tasks of classified projects as a cleared user.

Generates 200 confidential and secret projects open to all internal users
(half of them naming the user on their need-to-know list, half naming the
user's department) and 100,000 tasks in them (written with SQL), then times,
in the same run and in turn, ``search_read`` of all the tasks as a non-admin
project user cleared for secret (the rule a task takes from its project
through ``_ops_classified_by`` and Odoo's own task rules apply, and the names
of the linked projects go through the masking of classified links) against
the same call as the superuser (no rule). Both return the same 100,000 rows.
Prints the ratio; goal <= 1.3. Also prints the queries of the cleared read.
"""

from datetime import date

from timing import best_in_turn

PROJECTS = 200
RECORDS = 100_000
REPEAT = 3
FIELDS = ["name", "project_id", "stage_id", "date_deadline", "priority"]


def _setup(env):
    company = env.company
    department = env["hr.department"].create({"name": "Bench secret studio"})
    user = env["res.users"].create(
        {
            "name": "Bench cleared project user",
            "login": "bench-cleared-project-user",
            "groups_id": [
                (
                    6,
                    0,
                    [
                        env.ref("ops_org.ops_org_group_employee").id,
                        env.ref("project.group_project_user").id,
                    ],
                )
            ],
        }
    )
    employee = env["hr.employee"].create(
        {"name": user.name, "user_id": user.id, "department_id": department.id}
    )
    env["ops.nda"].create({"employee_id": employee.id, "date_signed": date.today()})
    employee.ops_clearance = "secret"
    stages = env["project.task.type"].create(
        [{"name": f"Bench stage {n}", "sequence": n} for n in range(4)]
    )
    projects = (
        env["project.project"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": f"Bench classified project {n}",
                    "privacy_visibility": "employees",
                    "type_ids": [(6, 0, stages.ids)],
                }
                for n in range(PROJECTS)
            ]
        )
    )
    env.flush_all()
    cr = env.cr
    project_ids = projects.ids
    half = len(project_ids) // 2
    cr.execute(
        """
        UPDATE project_project
           SET ops_level = CASE WHEN id %% 2 = 0 THEN 'secret' ELSE 'confidential' END,
               ops_level_rank = CASE WHEN id %% 2 = 0 THEN 3 ELSE 2 END
         WHERE id = ANY(%s)
        """,
        [project_ids],
    )
    cr.execute(
        "INSERT INTO ops_project_need_to_know_user_rel (project_id, user_id) "
        "SELECT unnest(%s::int[]), %s",
        [project_ids[:half], user.id],
    )
    cr.execute(
        "INSERT INTO ops_project_need_to_know_department_rel (project_id, department_id) "
        "SELECT unnest(%s::int[]), %s",
        [project_ids[half:], department.id],
    )
    cr.execute(
        """
        INSERT INTO project_task (name, project_id, stage_id, company_id, active, state,
                                  priority, sequence, date_deadline, display_in_project,
                                  create_uid, create_date, write_uid, write_date)
        SELECT 'Bench task ' || n,
               (%(projects)s::int[])[1 + n %% %(count)s],
               (%(stages)s::int[])[1 + n %% 4],
               %(company)s, TRUE, '01_in_progress',
               CASE WHEN n %% 5 = 0 THEN '1' ELSE '0' END, 10,
               now() + (n %% 90) * interval '1 day', TRUE,
               1, now(), 1, now()
          FROM generate_series(1, %(records)s) n
        """,
        {
            "projects": project_ids,
            "count": len(project_ids),
            "stages": stages.ids,
            "company": company.id,
            "records": RECORDS,
        },
    )
    for table in (
        "project_project",
        "project_task",
        "ops_project_need_to_know_user_rel",
        "ops_project_need_to_know_department_rel",
    ):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    return user, projects


def run(env):
    user, projects = _setup(env)
    domain = [("project_id", "in", projects.ids)]
    Task = env["project.task"]

    def as_superuser():
        env.invalidate_all()
        return Task.sudo().search_read(domain, FIELDS)

    def as_cleared():
        env.invalidate_all()
        return Task.with_user(user).search_read(domain, FIELDS)

    (su_time, su_rows), (user_time, user_rows) = best_in_turn(REPEAT, as_superuser, as_cleared)
    env.invalidate_all()
    before = env.cr.sql_log_count
    Task.with_user(user).search_read(domain, FIELDS)
    queries = env.cr.sql_log_count - before
    assert len(su_rows) == len(user_rows) == RECORDS, (len(su_rows), len(user_rows))
    assert su_rows[0]["project_id"] == user_rows[0]["project_id"], user_rows[0]  # not masked
    ratio = user_time / su_time
    return [
        (
            f"search_read {RECORDS:,} tasks of classified projects, superuser (s)",
            f"{su_time:.2f}",
            "-",
            True,
        ),
        (
            f"search_read {RECORDS:,} tasks of classified projects, cleared user (s)",
            f"{user_time:.2f}",
            "-",
            True,
        ),
        ("cleared user / superuser (tasks)", f"{ratio:.2f}", "<= 1.3", ratio <= 1.3),
        ("queries of the cleared task read", str(queries), "-", True),
    ]
