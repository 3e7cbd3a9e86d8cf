"""The stock forms the suite extends, as the web client loads them, with
the suite installed against stock Odoo.

For the employee, department, project, task, expense report and time off
forms: ``get_views`` of the form (with its toolbar, as an action's form
asks for it), then ``web_read`` of the model's first record (lowest id)
with the specification the web client builds from the form's arch as
``get_views`` returned it: every field of the arch (those used by its
modifiers included, which the server adds), ``display_name`` of the
many-to-one fields, the fields of the sub-views of the one-to-many and
many-to-many fields (or ``display_name`` and the colour for tags), as the
administrator in English. Measured on this database and, in the same run,
on the database with only the stock modules the suite extends
(``OPS_BENCH_STOCK_DB``, by default this database's name with
``_stock``; ``setup/bench.sh`` creates it with ``stock_modules.py``),
opened in a second registry of the same process.

Queries: a load with Odoo's caches warm (the form opened before in the
process) and an empty record cache, as every opening of the form after the
first; goal at most 5 more with the suite than without. Time: a cold load
(the registry's caches emptied, so the views are built and the access
rules read again, as the first opening after a server start or a change of
groups), the best of ``REPEAT`` loads, the two databases in turn; the
ratio suite / stock and the cold load's queries are shown for information
against an indicative 1.5 (result "info", never a failure).
"""

import os
import time

from lxml import etree
from timing import best_in_turn

import odoo
from odoo import SUPERUSER_ID, api

FORMS = (
    "hr.employee",
    "hr.department",
    "project.project",
    "project.task",
    "hr.expense.sheet",
    "hr.leave",
)
EXTRA_QUERIES = 5
TIME_RATIO = 1.5
REPEAT = 5
# Widgets of x2many fields that read the related records' names (and a
# colour) instead of a sub-view (their ``relatedFields`` in the web client).
TAG_WIDGETS = (
    "many2many_tags",
    "many2many_tags_avatar",
    "many2many_avatar_user",
    "many2many_avatar_employee",
    "many2many_checkboxes",
    "one2many_tags",
)
IMAGE_WIDGETS = ("image", "signature")


def _invisible(node):
    return node.get("invisible") in ("1", "True") or node.get("column_invisible") in ("1", "True")


def _merge(spec, name, value):
    if name not in spec:
        spec[name] = value
        return
    current = spec[name]
    for key, sub in value.items():
        if key == "fields":
            fields = current.setdefault("fields", {})
            for sub_name, sub_value in sub.items():
                _merge(fields, sub_name, sub_value)
        else:
            current.setdefault(key, sub)


def _field_nodes(node):
    """The ``field`` nodes of this view, not those of its sub-views."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "field":
            yield child
        else:
            yield from _field_nodes(child)


def _specification(env, model_name, node):
    model = env[model_name]
    spec = {}
    for field_node in _field_nodes(node):
        name = field_node.get("name")
        field = model._fields.get(name)
        if field is None:
            continue
        invisible = _invisible(field_node)
        widget = field_node.get("widget") or ""
        value = {}
        if field.type in ("many2one", "reference"):
            value = {"fields": {} if invisible else {"display_name": {}}}
        elif field.type in ("one2many", "many2many") and not invisible:
            views = {child.tag: child for child in field_node if child.tag in ("list", "kanban")}
            if widget in TAG_WIDGETS or not views:
                related = {"display_name": {}}
                options = field_node.get("options") or ""
                if "color_field" in options and "color" in env[field.comodel_name]._fields:
                    related["color"] = {}
                value = {"fields": related}
            else:
                mode = field_node.get("mode", "")
                view = views.get("list") if "," in mode or "list" in views else views["kanban"]
                value = {
                    "fields": _specification(env, field.comodel_name, view),
                    "limit": int(view.get("limit") or 40),
                    "context": {},
                }
                if view.get("default_order"):
                    value["order"] = view.get("default_order")
        _merge(spec, name, value)
        if widget in IMAGE_WIDGETS and "write_date" in model._fields:
            _merge(spec, "write_date", {})
    return spec


def _web_env(env):
    """The administrator as the web client calls the server."""
    admin = env.ref("base.user_admin")
    return env(
        user=admin.id,
        context={
            "lang": "en_US",
            "tz": "Europe/Brussels",
            "uid": admin.id,
            "allowed_company_ids": [admin.company_id.id],
        },
    )


def _load(env, model_name, record_id, cold=False):
    """Open the form of ``record_id``: (queries, seconds)."""
    if cold:
        env.registry.clear_all_caches()
    env.invalidate_all()
    cr = env.cr
    before, start = cr.sql_log_count, time.perf_counter()
    Model = _web_env(env)[model_name]
    views = Model.get_views([(False, "form")], {"toolbar": True})
    arch = etree.fromstring(views["views"]["form"]["arch"])
    spec = _specification(Model.env, model_name, arch)
    spec.setdefault("display_name", {})
    Model.browse(record_id).web_read(spec)
    return cr.sql_log_count - before, time.perf_counter() - start


def _first(env, model_name):
    return env[model_name].with_context(active_test=False).search([], order="id", limit=1).id


def _stock_registry(env):
    name = os.environ.get("OPS_BENCH_STOCK_DB") or f"{env.cr.dbname}_stock"
    return odoo.modules.registry.Registry(name)


def run(env):
    stock_registry = _stock_registry(env)
    rows = []
    with stock_registry.cursor() as stock_cr:
        stock_env = api.Environment(stock_cr, SUPERUSER_ID, {})
        try:
            for model_name in FORMS:
                suite_id, stock_id = _first(env, model_name), _first(stock_env, model_name)
                # Cold: the first opening after the caches were emptied; warm:
                # the next one, as every later opening of the form.
                suite_cold = _load(env, model_name, suite_id, cold=True)[0]
                stock_cold = _load(stock_env, model_name, stock_id, cold=True)[0]
                suite_queries = _load(env, model_name, suite_id)[0]
                stock_queries = _load(stock_env, model_name, stock_id)[0]
                (suite_time, _), (stock_time, _) = best_in_turn(
                    REPEAT,
                    lambda m=model_name, i=suite_id: _load(env, m, i, cold=True),
                    lambda m=model_name, i=stock_id: _load(stock_env, m, i, cold=True),
                )
                ratio = suite_time / stock_time
                rows += [
                    (
                        f"{model_name} form queries: suite {suite_queries} vs stock "
                        f"{stock_queries}",
                        f"{suite_queries}",
                        f"<= {stock_queries + EXTRA_QUERIES}",
                        suite_queries <= stock_queries + EXTRA_QUERIES,
                    ),
                    (
                        f"{model_name} form cold load, suite / stock: "
                        f"{suite_time * 1000:.0f} / {stock_time * 1000:.0f} ms, "
                        f"{suite_cold} / {stock_cold} queries",
                        f"{ratio:.2f}",
                        f"<= {TIME_RATIO}",
                        None,
                    ),
                ]
        finally:
            stock_cr.rollback()
    return rows
