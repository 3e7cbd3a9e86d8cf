"""My Approvals for a reviewer with 1,000 pending reviews against 10.

Generates, for a Leadership user, pending Leadership steps of time off
requests and budget adjustments, half each (documents, reviews, reviewers
and the reviewer's approval activities written with SQL; the reviewer reads
the documents by their own rules), once with 10 and once with 1,000 of
them. Then loads the first page of My Approvals the way the web client does:
``web_search_read`` with the domain of the action's default filter ("Waiting
for me") and the fields of its list view (``ops_res_name`` included), limit
80, as the reviewer — the record rule on reviews and the masking of the
document's name apply. The pager's count is forced at both sizes (the web
client counts only a full page) so that both run the same statements. The
number of queries must not depend on the number of reviews. The time at
1,000 is compared, in the same run, with Odoo's own activity list of the
same reviewer (``mail.activity``, the fields of its list view, 1,000
activities, first page of 80); goal <= 1.3. Each timing is the best of
``REPEAT`` rounds, the two lists in turn (single loads vary by tens of per
cent on a shared machine).
"""

import re
import time

from lxml import etree

from odoo.tools.safe_eval import safe_eval

SIZES = (10, 1000)
LIMIT = 80
COUNT_LIMIT = 10001
REPEAT = 9


def _specification(model, view_id):
    """The fields the web client reads for the list view ``view_id``: its
    columns and the fields its decorations and modifiers use."""
    arch = model.get_views([(view_id, "list")])["views"]["list"]["arch"]
    root = etree.fromstring(arch)
    names = [node.get("name") for node in root.iter("field")]
    for node in root.iter():
        for attr, expr in node.attrib.items():
            if attr.startswith("decoration-") or attr in ("invisible", "column_invisible"):
                names += re.findall(r"[a-z_][a-z0-9_]*", expr)
    spec = {}
    for name in names:
        field = model._fields.get(name)
        if field is None or name in spec:
            continue
        spec[name] = {"fields": {"display_name": {}}} if field.type == "many2one" else {}
    return spec


def _reviewer(env, size):
    return env["res.users"].create(
        {
            "name": f"Bench reviewer {size}",
            "login": f"bench-reviewer-{size}",
            "groups_id": [
                (
                    6,
                    0,
                    [
                        env.ref("ops_org.ops_org_group_employee").id,
                        env.ref("ops_org.ops_org_group_leadership").id,
                    ],
                )
            ],
        }
    )


def _setup(env, reviewer, count):
    """``count`` pending Leadership steps for ``reviewer``, half on time off
    requests, half on budget adjustments, each with its approval activity."""
    cr = env.cr
    company = env.company
    requester = env.ref("base.user_admin")
    leadership = env.ref("ops_org.ops_org_group_leadership")
    employees = env["hr.employee"].search([("user_id", "!=", reviewer.id)], limit=20)
    budget = env["ops.budget"].search([("company_id", "=", company.id)], limit=1)
    department = employees[:1].department_id or env["hr.department"].search([], limit=1)
    activity_type = env.ref("ops_org.mail_activity_type_ops_approval")
    leaves = count // 2
    adjustments = count - leaves
    cr.execute(
        """
        INSERT INTO hr_leave (holiday_status_id, employee_id, employee_company_id, company_id,
                              department_id, state, validation_status, private_name,
                              request_date_from, request_date_to, date_from, date_to,
                              number_of_days, number_of_hours, duration_display,
                              request_unit_half, request_unit_hours, request_date_from_period,
                              create_uid, create_date, write_uid, write_date)
        SELECT %(type)s, (%(employees)s::int[])[1 + n %% %(employee_count)s], %(company)s,
               %(company)s, %(department)s, 'confirm', 'pending', 'Bench leave ' || n,
               DATE '2027-01-04' + n, DATE '2027-01-04' + n,
               (DATE '2027-01-04' + n) + TIME '07:00', (DATE '2027-01-04' + n) + TIME '16:00',
               1, 8, '1 day', FALSE, FALSE, 'am', %(requester)s, now(), %(requester)s, now()
          FROM generate_series(1, %(count)s) n
        RETURNING id
        """,
        {
            "type": env.ref("hr_holidays.holiday_status_cl").id,
            "employees": employees.ids,
            "employee_count": len(employees),
            "company": company.id,
            "department": department.id,
            "requester": requester.id,
            "count": leaves,
        },
    )
    documents = [("hr.leave", row[0]) for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO ops_budget_adjustment (budget_id, department_id, company_id,
                                           requested_by_id, name, reason, state, explanation,
                                           validation_status, create_uid, create_date,
                                           write_uid, write_date)
        SELECT %(budget)s, %(department)s, %(company)s, %(requester)s,
               'Bench adjustment ' || n, 'market', 'submitted', '<p>Bench</p>', 'pending',
               %(requester)s, now(), %(requester)s, now()
          FROM generate_series(1, %(count)s) n
        RETURNING id
        """,
        {
            "budget": budget.id,
            "department": department.id,
            "company": company.id,
            "requester": requester.id,
            "count": adjustments,
        },
    )
    adjusted = [("ops.budget.adjustment", row[0]) for row in cr.fetchall()]
    # The list shows both kinds in turn, as steps arrive.
    documents = [doc for pair in zip(documents, adjusted, strict=False) for doc in pair] + adjusted[
        leaves:
    ]
    definitions = {
        model: env["tier.definition"].search(
            [("model", "=", model), ("reviewer_group_id", "=", leadership.id)], limit=1
        )
        for model in ("hr.leave", "ops.budget.adjustment")
    }
    cr.execute(
        """
        INSERT INTO tier_review (model, res_id, definition_id, company_id, sequence, status,
                                 can_review, requested_by, todo_by, create_uid, create_date,
                                 write_uid, write_date)
        SELECT doc.model, doc.res_id, doc.definition_id, %(company)s, doc.sequence,
               'pending', TRUE, %(requester)s, %(todo)s, %(requester)s,
               now() - doc.n * interval '1 hour', %(requester)s, now()
          FROM unnest(%(models)s::varchar[], %(res_ids)s::int[], %(definitions)s::int[],
                      %(sequences)s::int[])
               WITH ORDINALITY AS doc(model, res_id, definition_id, sequence, n)
        RETURNING id, model, res_id
        """,
        {
            "company": company.id,
            "requester": requester.id,
            "todo": reviewer.name,
            "models": [model for model, _ in documents],
            "res_ids": [res_id for _, res_id in documents],
            "definitions": [definitions[model].id for model, _ in documents],
            "sequences": [definitions[model].sequence for model, _ in documents],
        },
    )
    reviews = cr.fetchall()
    # The document's name each review stores when created (ops_org), as the
    # ORM would have computed it.
    Review = env["tier.review"]
    env.add_to_compute(Review._fields["ops_document_name"], Review.browse([r[0] for r in reviews]))
    Review.flush_model(["ops_document_name"])
    cr.execute(
        "INSERT INTO res_users_tier_review_rel (tier_review_id, res_users_id) "
        "SELECT unnest(%s::int[]), %s",
        [[review_id for review_id, _, _ in reviews], reviewer.id],
    )
    model_ids = {model: env["ir.model"]._get_id(model) for model in definitions}
    cr.execute(
        """
        INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id,
                                   user_id, summary, date_deadline, automated, active,
                                   ops_tier_review_id, create_uid, create_date, write_uid,
                                   write_date)
        SELECT act.res_model_id, act.model, act.res_id, 'Bench document ' || act.n, %(type)s,
               %(reviewer)s, 'Approve: Leadership', CURRENT_DATE + (act.n %% 10)::int, TRUE,
               TRUE, act.review_id, %(requester)s, now(), %(requester)s, now()
          FROM unnest(%(model_ids)s::int[], %(models)s::varchar[], %(res_ids)s::int[],
                      %(review_ids)s::int[])
               WITH ORDINALITY AS act(res_model_id, model, res_id, review_id, n)
        """,
        {
            "type": activity_type.id,
            "reviewer": reviewer.id,
            "requester": requester.id,
            "model_ids": [model_ids[model] for _, model, _ in reviews],
            "models": [model for _, model, _ in reviews],
            "res_ids": [res_id for _, _, res_id in reviews],
            "review_ids": [review_id for review_id, _, _ in reviews],
        },
    )
    for table in (
        "hr_leave",
        "ops_budget_adjustment",
        "tier_review",
        "res_users_tier_review_rel",
        "mail_activity",
    ):
        cr.execute(f"ANALYZE {table}")
    env.invalidate_all()
    return documents


def _load(env, model, domain, spec, order=None):
    env.invalidate_all()
    cr = env.cr
    before, start = cr.sql_log_count, time.perf_counter()
    result = model.with_context(force_search_count=True).web_search_read(
        domain, spec, limit=LIMIT, order=order, count_limit=COUNT_LIMIT
    )
    return cr.sql_log_count - before, time.perf_counter() - start, result


def run(env):
    action = env.ref("ops_org.tier_review_action_my_approvals")
    list_view = next(view for view in action.view_ids if view.view_mode == "list").view_id
    search_arch = etree.fromstring(action.search_view_id.arch)
    waiting_me = search_arch.find(".//filter[@name='waiting_me']").get("domain")
    activity_view = env.ref("mail.mail_activity_view_tree")
    activity_order = etree.fromstring(activity_view.arch).get("default_order")
    # Both reviewers exist before any review: adding a member to Leadership
    # recomputes the reviewers of every Leadership step.
    reviewers = {size: _reviewer(env, size) for size in SIZES}
    env.flush_all()
    results = {}
    for size in SIZES:
        reviewer = reviewers[size]
        # What waits for Leadership already (the demo data's cash plan) is
        # listed too.
        waiting = (
            env["tier.review"]
            .with_user(reviewer)
            .search(safe_eval(waiting_me, {"uid": reviewer.id}))
        )
        before = len(waiting)
        waiting_names = {env[r.model].browse(r.res_id).display_name for r in waiting.sudo()}
        activities_before = env["mail.activity"].search_count([("user_id", "=", reviewer.id)])
        documents = _setup(env, reviewer, size)
        Review = env["tier.review"].with_user(reviewer)
        Activity = env["mail.activity"].with_user(reviewer)
        review_spec = _specification(Review, list_view.id)
        activity_spec = _specification(Activity, activity_view.id)
        domain = safe_eval(waiting_me, {"uid": reviewer.id})
        activity_domain = [("user_id", "=", reviewer.id)]
        _load(env, Review, domain, review_spec)  # warm the caches of the registry
        _load(env, Activity, activity_domain, activity_spec, activity_order)
        queries, _, page = _load(env, Review, domain, review_spec)
        assert page["length"] == size + before, (size, before, page["length"])
        names = {env[model].browse(res_id).display_name for model, res_id in documents}
        names |= waiting_names
        masked = [r["ops_res_name"] for r in page["records"] if r["ops_res_name"] not in names]
        assert not masked, masked[:3]  # the reviewer reads the documents: names shown
        activity_queries, _, activity_page = _load(
            env, Activity, activity_domain, activity_spec, activity_order
        )
        assert activity_page["length"] == size + activities_before, (
            size,
            activities_before,
            activity_page["length"],
        )
        review_time = activity_time = None
        for _ in range(REPEAT):  # alternated: both see the same load of the machine
            elapsed = _load(env, Review, domain, review_spec)[1]
            review_time = elapsed if review_time is None else min(review_time, elapsed)
            elapsed = _load(env, Activity, activity_domain, activity_spec, activity_order)[1]
            activity_time = elapsed if activity_time is None else min(activity_time, elapsed)
        results[size] = (queries, review_time, activity_queries, activity_time)
    small, large = SIZES
    q_small = results[small][0]
    q_large, t_review, aq_large, t_activity = results[large]
    ratio = t_review / t_activity
    return [
        (
            f"My Approvals list: queries at {small} / {large:,} pending reviews",
            f"{q_small} / {q_large}",
            f"= at {small}",
            q_small == q_large,
        ),
        (
            f"My Approvals list, {large:,} pending reviews (ms)",
            f"{t_review * 1000:.0f}",
            "-",
            True,
        ),
        (
            f"activity list, {large:,} activities (ms, queries)",
            f"{t_activity * 1000:.0f}, {aq_large}",
            "-",
            True,
        ),
        ("My Approvals / activity list", f"{ratio:.2f}", "<= 1.3", ratio <= 1.3),
    ]
