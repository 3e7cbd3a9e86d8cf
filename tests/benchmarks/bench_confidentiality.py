"""Reading 100,000 classified records as a cleared user.

Generates 100,000 confidential and secret intellectual property assets
(written with SQL, half of them naming the user on their need-to-know list,
half naming the user's department), then times, in the same run,
``search_read`` of all of them as a non-admin user cleared for secret (the
confidentiality record rule applies) against the same call as the
superuser (no rule). Both return the same 100,000 rows. Prints the ratio;
goal <= 1.3. Also prints the queries of the cleared read.
"""

from datetime import date

from timing import best_in_turn

RECORDS = 100_000
REPEAT = 5
FIELDS = ["name", "kind", "ops_level", "registration_number"]


def _setup(env):
    company = env.company
    department = env["hr.department"].create({"name": "Bench secret lab"})
    user = env["res.users"].create(
        {
            "name": "Bench cleared user",
            "login": "bench-cleared-user",
            "groups_id": [(6, 0, [env.ref("ops_org.ops_org_group_employee").id])],
        }
    )
    employee = env["hr.employee"].create(
        {"name": user.name, "user_id": user.id, "department_id": department.id}
    )
    env["ops.nda"].create({"employee_id": employee.id, "date_signed": date.today()})
    employee.ops_clearance = "secret"
    env.flush_all()
    cr = env.cr
    cr.execute(
        """
        INSERT INTO ops_ip_asset (name, ownership, kind, company_id, active, ops_level,
                                  ops_level_rank, state, registration_number,
                                  create_uid, create_date, write_uid, write_date)
        SELECT 'Bench asset ' || n, 'own', 'work', %(company)s, TRUE,
               CASE WHEN n %% 2 = 0 THEN 'secret' ELSE 'confidential' END,
               CASE WHEN n %% 2 = 0 THEN 3 ELSE 2 END,
               'valid', 'REG-' || n, 1, now(), 1, now()
          FROM generate_series(1, %(records)s) n
        RETURNING id
        """,
        {"company": company.id, "records": RECORDS},
    )
    ids = [row[0] for row in cr.fetchall()]
    half = len(ids) // 2
    cr.execute(
        "INSERT INTO ops_ip_asset_res_users_rel (ops_ip_asset_id, res_users_id) "
        "SELECT unnest(%s::int[]), %s",
        [ids[:half], user.id],
    )
    cr.execute(
        "INSERT INTO hr_department_ops_ip_asset_rel (ops_ip_asset_id, hr_department_id) "
        "SELECT unnest(%s::int[]), %s",
        [ids[half:], department.id],
    )
    cr.execute("ANALYZE ops_ip_asset")
    cr.execute("ANALYZE ops_ip_asset_res_users_rel")
    cr.execute("ANALYZE hr_department_ops_ip_asset_rel")
    env.invalidate_all()
    return user, ids


def run(env):
    user, ids = _setup(env)
    domain = [("name", "=like", "Bench asset %")]
    Asset = env["ops.ip.asset"]

    def as_superuser():
        env.invalidate_all()
        return Asset.sudo().search_read(domain, FIELDS)

    def as_cleared():
        env.invalidate_all()
        return Asset.with_user(user).search_read(domain, FIELDS)

    (su_time, su_rows), (user_time, user_rows) = best_in_turn(REPEAT, as_superuser, as_cleared)
    env.invalidate_all()
    before = env.cr.sql_log_count
    Asset.with_user(user).search_read(domain, FIELDS)
    queries = env.cr.sql_log_count - before
    assert len(su_rows) == len(user_rows) == RECORDS, (len(su_rows), len(user_rows))
    ratio = user_time / su_time
    return [
        (
            f"search_read {RECORDS:,} classified records, superuser (s)",
            f"{su_time:.2f}",
            "-",
            True,
        ),
        (
            f"search_read {RECORDS:,} classified records, cleared user (s)",
            f"{user_time:.2f}",
            "-",
            True,
        ),
        ("cleared user / superuser", f"{ratio:.2f}", "<= 1.3", ratio <= 1.3),
        ("queries of the cleared read", str(queries), "-", True),
    ]
