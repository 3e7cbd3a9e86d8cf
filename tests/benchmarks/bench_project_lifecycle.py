"""Project lifecycle kanban and list: queries for 1,000 projects against 10.

The kanban (grouped by phase) and the list of the Project Lifecycle action
are loaded the way the web client loads them (web_read_group and
web_search_read with the views' field specification) by a Leadership user.
The number of queries must not depend on the number of projects.
"""

import time

from lxml import etree

SIZES = (10, 1000)


def _specification(env, view_xmlid):
    view = env.ref(view_xmlid)
    Project = env["project.project"]
    arch = Project.get_views([(view.id, view.type)])["views"][view.type]["arch"]
    spec = {}
    for node in etree.fromstring(arch).iter("field"):
        name = node.get("name")
        field = Project._fields.get(name)
        if field is None or node.getparent().tag == "progressbar":
            continue
        spec[name] = {"fields": {"display_name": {}}} if field.type == "many2one" else {}
    return spec


def _projects(env, count, tag):
    lead = env.ref("base.user_admin")
    department = env["hr.department"].search([("kind", "=", "marketing")], limit=1)
    return env["project.project"].create(
        [
            {
                "name": f"Bench {tag} {i}",
                "user_id": lead.id,
                "ops_requesting_department_id": department.id,
            }
            for i in range(count)
        ]
    )


def _load(env, projects, kanban_spec, list_spec):
    Project = env["project.project"].with_user(env.ref("base.user_admin"))
    domain = [("id", "in", projects.ids)]
    env.invalidate_all()
    cr = env.cr
    start_count, start = cr.sql_log_count, time.perf_counter()
    groups = Project.web_read_group(domain, ["ops_phase_id"], ["ops_phase_id"], lazy=False)
    for group in groups["groups"]:
        Project.web_search_read(group["__domain"], kanban_spec, limit=len(projects))
    kanban = cr.sql_log_count - start_count, time.perf_counter() - start
    env.invalidate_all()
    start_count, start = cr.sql_log_count, time.perf_counter()
    Project.web_search_read(domain, list_spec, limit=len(projects))
    listing = cr.sql_log_count - start_count, time.perf_counter() - start
    return kanban, listing


def run(env):
    kanban_spec = _specification(env, "ops_project_lifecycle.project_project_view_kanban_lifecycle")
    list_spec = _specification(env, "ops_project_lifecycle.project_project_view_list_lifecycle")
    results = {}
    for size in SIZES:
        projects = _projects(env, size, size)
        env.flush_all()
        _load(env, projects, kanban_spec, list_spec)  # warm the caches of the registry
        results[size] = _load(env, projects, kanban_spec, list_spec)
    small, large = SIZES
    rows = []
    for index, view in enumerate(("kanban", "list")):
        q_small, t_small = results[small][index]
        q_large, t_large = results[large][index]
        rows.append(
            (
                f"project lifecycle {view}: queries {small} / {large} projects",
                f"{q_small} / {q_large}",
                "equal",
                q_small == q_large,
            )
        )
        rows.append(
            (
                f"project lifecycle {view}: seconds for {large} projects",
                f"{t_large:.2f}",
                "(shown)",
                True,
            )
        )
    return rows
