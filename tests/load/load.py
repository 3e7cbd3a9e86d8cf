"""Load test of Ops Suite (run by setup/load.sh; a plain script, not a test module).

Simulated people of the demo company work at once against two Odoo servers
in prefork mode on the same database, through plain JSON-RPC as the web
client and the mobile app send it (/web/session/authenticate,
/web/dataset/call_kw, /web/dataset/call_button), each with a session of its
own, the requests going to the two servers in turn:

* employees request time off (hr.leave) and claim expenses (hr.expense with
  its receipt, in an hr.expense.sheet they submit);
* department heads, HR, finance and Leadership decide the steps waiting for
  them ("Waiting for me" of My Approvals), through the approval activity
  (the phone), the step's Approve (My Approvals) or the document's Approve
  (the form); finance ticks its checklist first, then posts and pays the
  approved reports;
* some steps and payments are decided by two people at the same moment
  (a barrier): exactly one wins, the other is refused cleanly;
* HR creates and computes an attendance month meanwhile.

The load stops at its deadline (``--duration``) or after a fixed number of
requests (``--max-requests``), whichever comes first. Then it waits (bounded)
for queue_job's jobs, prints one table (per kind of request: count, requests
per second, latency percentiles, expected refusals, errors) and the checks,
read in the database: every submission present exactly once, no step decided
twice, no payment twice, no serialisation error shown to a user, every job
done. Exits 1 when a check fails.
"""

import argparse
import base64
import json
import math
import random
import re
import sys
import threading
import time
from collections import defaultdict
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import requests

LEAVE = "hr.leave"
SHEET = "hr.expense.sheet"
SERIALIZATION = re.compile(
    r"could not serialize|concurrent update|TransactionRollbackError|SerializationFailure"
    r"|deadlock detected|DeadlockDetected",
    re.IGNORECASE,
)
RUNNING_JOBS = ("pending", "enqueued", "started", "wait_dependencies")
CHECKLIST = ("ops_check_authentic", "ops_check_legal", "ops_check_complete")
RECEIPT = base64.b64encode(b"%PDF-1.4 load-test receipt").decode()
# Time off lengths in turn: 1 day (department head), 2 days (+ HR), 4 days
# (+ Leadership).
LEAVE_DAYS = (1, 2, 4)


class Budget(Exception):
    """The deadline or the number of requests is reached."""


class RpcError(Exception):
    def __init__(self, name, message, text):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message
        self.text = text

    @property
    def clean_refusal(self):
        """A refusal the user reads (Odoo's UserError and its kinds), not a
        crash, a timeout or a database error."""
        return self.name.startswith("odoo.exceptions.") and not SERIALIZATION.search(self.text)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = defaultdict(list)
        self.refused = defaultdict(int)
        self.errors = defaultdict(int)
        self.error_samples = []
        self.serialization = []

    def record(self, kind, seconds, outcome, detail=None):
        with self.lock:
            self.latency[kind].append(seconds)
            if outcome == "refused":
                self.refused[kind] += 1
            elif outcome == "error":
                self.errors[kind] += 1
                if len(self.error_samples) < 20:
                    self.error_samples.append((kind, detail))
            if detail and SERIALIZATION.search(detail):
                self.serialization.append((kind, detail))


class Run:
    """What the threads share: the servers, the deadline, the request
    budget, the statistics and the documents of this run."""

    def __init__(self, args):
        self.args = args
        self.db = args.db
        self.ports = [int(p) for p in args.ports.split(",")]
        self.stats = Stats()
        self.lock = threading.Lock()
        self.requests = 0
        self.turn = 0
        self.start = time.monotonic()
        self.deadline = self.start + args.duration
        self.stop = threading.Event()
        self.tag = time.strftime("LOAD-%Y%m%d-%H%M%S")
        self.leaves = []  # {id, login, name, days}
        self.sheets = []  # {id, login, name}
        self.attempts = []  # (model, name, succeeded)
        self.wins = defaultdict(list)  # review id or ("pay", sheet id) -> logins
        self.races = []  # {what, key, outcomes}
        self.reserved = set()  # (model, res_id, definition) decided by a race
        self.pay_races = set()  # sheet ids paid by a race
        self.submitting = 0
        self.month_id = None
        self.counters = defaultdict(int)
        self.race_plan = {}  # (model, res_id, definition or "pay") -> "approve" / "reject"
        self.inbox = {}  # login -> Event: something waits for them
        self.todo = defaultdict(set)  # login -> {"approve", "pay"}

    def next_port(self):
        with self.lock:
            self.turn += 1
            return self.ports[self.turn % len(self.ports)]

    def take_request(self):
        with self.lock:
            if self.stop.is_set() or time.monotonic() > self.deadline:
                raise Budget()
            if self.requests >= self.args.max_requests:
                self.stop.set()
                raise Budget()
            self.requests += 1

    def over(self):
        return self.stop.is_set() or time.monotonic() > self.deadline

    def add(self, attr, value):
        with self.lock:
            getattr(self, attr).append(value)


class Client:
    """One person's session, sent to the servers in turn."""

    def __init__(self, run, login, password=None, record=True):
        self.run = run
        self.login = login
        self.password = password or login
        self.http = requests.Session()
        self.uid = None
        self.context = {}
        self.record = record
        self.calls = 0

    def rpc(self, kind, path, params, port=None, refusal_expected=False):
        """Send one JSON-RPC call; return its result or raise RpcError. A
        clean refusal counts as expected only where ``refusal_expected``."""
        if self.record:
            self.run.take_request()
        port = port or self.run.next_port()
        self.calls += 1
        payload = {"jsonrpc": "2.0", "method": "call", "params": params, "id": self.calls}
        began = time.monotonic()
        error = body = None
        try:
            response = self.http.post(
                f"http://127.0.0.1:{port}{path}", json=payload, timeout=self.run.args.timeout
            )
            if response.status_code == 200:
                body = response.json()
            else:
                error = RpcError(f"HTTP {response.status_code}", "", response.text[:2000])
        except (requests.RequestException, ValueError) as failure:
            error = RpcError(type(failure).__name__, str(failure), str(failure))
        if body is not None and "error" in body:
            data = body["error"].get("data") or {}
            error = RpcError(
                data.get("name") or "error",
                data.get("message") or body["error"].get("message"),
                json.dumps(body["error"], ensure_ascii=False),
            )
        elapsed = time.monotonic() - began
        if error is None:
            if self.record:
                self.run.stats.record(kind, elapsed, "ok")
            return body.get("result")
        outcome = "refused" if refusal_expected and error.clean_refusal else "error"
        if self.record:
            detail = f"{self.login} {path} {params.get('method', '')}: {error.text}"
            self.run.stats.record(kind, elapsed, outcome, detail)
        raise error

    def authenticate(self):
        result = self.rpc(
            "log in",
            "/web/session/authenticate",
            {"db": self.run.db, "login": self.login, "password": self.password},
        )
        self.uid = result["uid"]
        # The web client sends the user's context (language, time zone) with
        # every call; Odoo takes the call's context as the whole context.
        self.context = result.get("user_context") or {}
        return self

    def call(self, kind, model, method, args, kwargs=None, **options):
        kwargs = dict(kwargs or {})
        kwargs["context"] = {**self.context, **kwargs.get("context", {})}
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.rpc(kind, f"/web/dataset/call_kw/{model}/{method}", params, **options)

    def button(self, kind, model, method, ids, context=None, **options):
        params = {
            "model": model,
            "method": method,
            "args": [ids],
            "kwargs": {"context": {**self.context, **(context or {})}},
        }
        return self.rpc(kind, "/web/dataset/call_button", params, **options)


# -- what the database says (the test's own eyes, not a user's) ----------------


DATABASE = {}
_CONNECTIONS = threading.local()


def sql(query, params=None):
    """Read the database directly (autocommit, one connection per thread;
    libpq's PGHOST, PGPORT, PGUSER and PGPASSWORD)."""
    conn = getattr(_CONNECTIONS, "conn", None)
    if conn is None or conn.closed:
        conn = _CONNECTIONS.conn = psycopg2.connect(dbname=DATABASE["name"])
        conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute(query, params)
        return cr.fetchall() if cr.description else []


def xmlid(module, name):
    rows = sql("SELECT res_id FROM ir_model_data WHERE module = %s AND name = %s", (module, name))
    return rows[0][0] if rows else None


def group_logins(module, name):
    return {
        login
        for (login,) in sql(
            """SELECT u.login FROM res_users u
                 JOIN res_groups_users_rel r ON r.uid = u.id
                WHERE r.gid = %s AND u.active AND u.login LIKE 'ops.%%'""",
            (xmlid(module, name),),
        )
    }


def people():
    """The demo users by role: Leadership, HR, finance, department heads,
    and the employees who ask (everyone else with an employee)."""
    leadership = group_logins("ops_org", "ops_org_group_leadership")
    hr = group_logins("ops_org", "ops_org_group_hr") - leadership
    finance = group_logins("ops_org", "ops_org_group_finance") - leadership
    rows = sql(
        """SELECT u.login, e.id, e.department_id,
                  EXISTS (SELECT 1 FROM hr_department d WHERE d.manager_id = e.id)
             FROM res_users u JOIN hr_employee e ON e.user_id = u.id
            WHERE u.active AND u.login LIKE 'ops.%%' AND e.active
            ORDER BY u.login"""
    )
    heads = {login for login, _emp, _dep, is_head in rows if is_head}
    employees = {
        login: emp
        for login, emp, _dep, is_head in rows
        if not is_head and login not in leadership | hr | finance
    }
    return leadership, hr, finance, heads, employees


def first_free_monday(employee_id):
    """A Monday six weeks ahead at least, after every time off the employee
    already has (the database is kept between runs)."""
    rows = sql("SELECT max(request_date_to) FROM hr_leave WHERE employee_id = %s", (employee_id,))
    start = date.today() + timedelta(days=42)
    if rows and rows[0][0]:
        start = max(start, rows[0][0] + timedelta(days=1))
    return start + timedelta(days=(7 - start.weekday()) % 7)


# -- what people do ---------------------------------------------------------------


def employee_work(run, login, employee_id, index, refs):
    """Ask for time off and claim an expense, as the web client does."""
    try:
        client = Client(run, login).authenticate()
        monday = first_free_monday(employee_id)
        rng = random.Random(index)
        for i in range(run.args.leaves):
            days = LEAVE_DAYS[(index + i) % len(LEAVE_DAYS)]
            first = monday + timedelta(days=7 * i)
            name = f"{run.tag} {login} time off {i + 1}"
            leave = {"login": login, "name": name, "days": days}
            try:
                leave["id"] = client.call(
                    "submit time off",
                    LEAVE,
                    "create",
                    [
                        {
                            "name": name,
                            "holiday_status_id": refs["leave_type"],
                            "employee_id": employee_id,
                            "request_date_from": first.isoformat(),
                            "request_date_to": (first + timedelta(days=days - 1)).isoformat(),
                        }
                    ],
                )
                register(run, refs, LEAVE, leave)
                run.add("attempts", (LEAVE, name, True))
            except RpcError:
                run.add("attempts", (LEAVE, name, False))
            time.sleep(rng.uniform(0.2, 1.0))
        for i in range(run.args.reports):
            submit_report(run, client, login, employee_id, i, refs, rng)
            time.sleep(rng.uniform(0.2, 1.0))
    except (Budget, RpcError):
        pass
    finally:
        with run.lock:
            run.submitting -= 1


def submit_report(run, client, login, employee_id, i, refs, rng):
    name = f"{run.tag} {login} expense report {i + 1}"
    submitted = False
    try:
        expense = client.call(
            "create expense",
            "hr.expense",
            "create",
            [
                {
                    "name": f"{name} taxi",
                    "employee_id": employee_id,
                    "product_id": refs["product"],
                    "total_amount_currency": round(rng.uniform(40, 240), 2),
                    "payment_mode": "own_account",
                }
            ],
        )
        client.call(
            "attach receipt",
            "ir.attachment",
            "create",
            [
                {
                    "name": "receipt.pdf",
                    "datas": RECEIPT,
                    "res_model": "hr.expense",
                    "res_id": expense,
                }
            ],
        )
        sheet = client.call(
            "create expense report",
            SHEET,
            "create",
            [{"name": name, "employee_id": employee_id, "expense_line_ids": [(6, 0, [expense])]}],
        )
        client.button("submit expense report", SHEET, "action_submit_sheet", [sheet])
        submitted = True
        register(run, refs, SHEET, {"id": sheet, "login": login, "name": name})
    finally:
        run.add("attempts", (SHEET, name, submitted))


def decider_work(run, login, refs):
    """A reviewer: told that something waits for them (as the web client's
    notification of a new approval activity tells them), opens "Waiting for
    me" and decides the steps of this run's documents given to them; finance
    also ticks its checklist first, then posts and pays the approved
    reports."""
    inbox = run.inbox[login]
    try:
        client = Client(run, login).authenticate()
        while not run.over():
            if not inbox.wait(timeout=1.0):
                continue
            inbox.clear()
            with run.lock:
                todo = set(run.todo[login])
            if "approve" in todo:
                reviews = client.call(
                    "list my approvals",
                    "tier.review",
                    "search_read",
                    [
                        [
                            ("status", "=", "pending"),
                            ("can_review", "=", True),
                            ("reviewer_ids", "in", [client.uid]),
                            ("model", "in", [LEAVE, SHEET]),
                        ]
                    ],
                    {"fields": ["model", "res_id", "definition_id", "reviewer_ids"], "limit": 80},
                )
                for review in reviews:
                    if run.over():
                        break
                    if mine(run, refs, login, review):
                        decide(run, client, review, refs)
            if "pay" in todo:
                pay_reports(run, client, login, refs)
            # A person takes a moment before looking again.
            time.sleep(0.5)
    except (Budget, RpcError):
        pass


def run_documents(run, model):
    with run.lock:
        return {d["id"] for d in (run.leaves if model == LEAVE else run.sheets)}


def mine(run, refs, login, review):
    """Whether ``login`` decides this review: a step of this run's documents,
    not left to a race, and of the people who review it, the one chosen by
    the document's id (so that outside the races nobody decides a step at
    the same moment as another)."""
    definition = review["definition_id"] and review["definition_id"][0]
    if review["res_id"] not in run_documents(run, review["model"]):
        return False
    if (review["model"], review["res_id"], definition) in run.reserved:
        return False
    reviewers = sorted(refs["login_of"].get(uid, "") for uid in review["reviewer_ids"])
    reviewers = [r for r in reviewers if r]
    return bool(reviewers) and reviewers[review["res_id"] % len(reviewers)] == login


def approve(client, review, how, kind, **options):
    """Approve ``review`` as the web client or the phone does."""
    if how == "activity":
        activities = client.call(
            "open approval activity",
            "mail.activity",
            "search",
            [[("ops_tier_review_id", "=", review["id"]), ("user_id", "=", client.uid)]],
        )
        return client.button(kind, "mail.activity", "action_ops_approve", activities, **options)
    if how == "document":
        return client.button(kind, review["model"], "validate_tier", [review["res_id"]], **options)
    return client.button(kind, "tier.review", "action_ops_approve", [review["id"]], **options)


def decide(run, client, review, refs):
    definition = review["definition_id"] and review["definition_id"][0]
    if definition == refs["finance_check"]:
        client.call(
            "tick finance checklist",
            SHEET,
            "write",
            [[review["res_id"]], dict.fromkeys(CHECKLIST, True)],
        )
    how = ("review", "activity", "document")[review["id"] % 3]
    try:
        approve(client, review, how, "decide approval")
    except RpcError:
        return
    with run.lock:
        run.wins[review["id"]].append(client.login)


def pay_reports(run, client, login, refs):
    """Finance posts the approved reports given to them and pays those no
    race pays."""
    sheets = run_documents(run, SHEET)
    if not sheets:
        return
    todo = client.call(
        "list reports to pay",
        SHEET,
        "search_read",
        [[("id", "in", sorted(sheets)), ("state", "in", ["approve", "post"])]],
        {"fields": ["state"]},
    )
    for sheet in todo:
        if payer(refs, sheet["id"]) != login or run.over():
            continue
        if sheet["state"] == "approve":
            client.button("post expense report", SHEET, "action_sheet_move_post", [sheet["id"]])
        if sheet["id"] in run.pay_races:
            continue
        try:
            wizard = payment_wizard(client, sheet["id"])
            client.button(
                "pay expense report", "account.payment.register", "action_create_payments", [wizard]
            )
        except RpcError:
            continue
        with run.lock:
            run.wins[("pay", sheet["id"])].append(login)


def payer(refs, sheet_id):
    """The finance officer who posts and pays a report (outside the races)."""
    finance = sorted(refs["finance"])
    return finance[sheet_id % len(finance)]


def payment_wizard(client, sheet_id):
    """Finance's Register Payment: the wizard Odoo opens, created."""
    action = client.button("open payment", SHEET, "action_register_payment", [sheet_id])
    return client.call(
        "open payment",
        "account.payment.register",
        "create",
        [{}],
        {"context": action.get("context") or {}},
    )


def hr_month_work(run, login):
    """HR creates an attendance month no summary exists for yet and
    computes it, while the others work."""
    try:
        client = Client(run, login).authenticate()
        existing = client.call(
            "list attendance months",
            "ops.attendance.month",
            "search_read",
            [[]],
            {"fields": ["date_from"]},
        )
        taken = {m["date_from"] for m in existing}
        month = date.today().replace(day=1)
        while True:
            month = (month - timedelta(days=1)).replace(day=1)
            if month.isoformat() not in taken:
                break
        run.month_id = client.call(
            "create attendance month",
            "ops.attendance.month",
            "create",
            [{"date_from": month.isoformat()}],
        )
        client.button(
            "compute attendance month", "ops.attendance.month", "action_compute", [run.month_id]
        )
    except (Budget, RpcError):
        pass


# -- races ------------------------------------------------------------------------


def race(run, what, key, sides):
    """Run ``sides`` at the same moment, one on each server, and record who
    won: exactly one should, the other be refused cleanly. A side is
    ``(prepare, act)``: what the person opens first (``prepare()``), then
    what they press, all at once (``act(prepared, port)``)."""
    barrier = threading.Barrier(len(sides))
    outcomes = [None] * len(sides)

    def side(index, prepare, act):
        try:
            state = prepare()
        except (Budget, RpcError) as error:
            outcomes[index] = ("not run", str(error))
            barrier.abort()
            return
        try:
            barrier.wait(timeout=120)
        except threading.BrokenBarrierError:
            outcomes[index] = ("not run", "the other side did not come")
            return
        try:
            act(state, run.ports[index % len(run.ports)])
            outcomes[index] = ("won", "")
        except Budget:
            outcomes[index] = ("not run", "budget")
        except RpcError as error:
            if error.clean_refusal:
                outcomes[index] = ("refused", error.name.rsplit(".", 1)[-1])
            else:
                outcomes[index] = ("error", error.text[:600])

    threads = [
        threading.Thread(target=side, args=(i, prepare, act), daemon=True)
        for i, (prepare, act) in enumerate(sides)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.add("races", {"what": what, "key": key, "outcomes": outcomes})
    return outcomes


def review_race(run, clients, review, mode, refs):
    """Two reviewers of the same step decide it at the same moment."""
    a, b = clients
    if review["definition_id"] == refs["finance_check"]:
        # The checklist is ticked before (one of them), the approvals race.
        a.call(
            "tick finance checklist",
            SHEET,
            "write",
            [[review["res_id"]], dict.fromkeys(CHECKLIST, True)],
        )

    def approve_side(client, how):
        def prepare():
            if how == "activity":
                return client.call(
                    "open approval activity",
                    "mail.activity",
                    "search",
                    [[("ops_tier_review_id", "=", review["id"]), ("user_id", "=", client.uid)]],
                )
            return [review["id"]]

        def act(ids, port):
            model = "mail.activity" if how == "activity" else "tier.review"
            client.button(
                "decide approval (race)",
                model,
                "action_ops_approve",
                ids,
                port=port,
                refusal_expected=True,
            )
            with run.lock:
                run.wins[review["id"]].append(client.login)

        return prepare, act

    def reject_side(client):
        def prepare():
            return client.call(
                "open rejection",
                "ops.approval.reject",
                "create",
                [{"reason": "Load test: rejected at the same moment as approved"}],
                {"context": {"default_review_id": review["id"]}},
            )

        def act(wizard, port):
            client.button(
                "decide approval (race)",
                "ops.approval.reject",
                "action_reject",
                [wizard],
                port=port,
                refusal_expected=True,
            )
            with run.lock:
                run.wins[review["id"]].append(client.login)

        return prepare, act

    second = reject_side(b) if mode == "reject" else approve_side(b, "activity")
    return race(
        run, f"{review['model']} step ({mode})", review["id"], [approve_side(a, "review"), second]
    )


def pay_race(run, clients, sheet_id):
    """Two finance officers pay the same report at the same moment."""

    def side(client):
        def prepare():
            return payment_wizard(client, sheet_id)

        def act(wizard, port):
            client.button(
                "pay expense report (race)",
                "account.payment.register",
                "action_create_payments",
                [wizard],
                port=port,
                refusal_expected=True,
            )
            with run.lock:
                run.wins[("pay", sheet_id)].append(client.login)

        return prepare, act

    return race(run, "payment", sheet_id, [side(c) for c in clients])


def conductor(run, refs, pairs):
    """Watches the database (as the test, not as a user): starts each race
    when its step is reached, and ends the load once every document of the
    run is decided and paid, or at the deadline."""
    started = set()
    threads = []
    # A pair of people takes part in one race at a time (their sessions too).
    busy = {role: threading.Lock() for role in pairs}
    while not run.over():
        time.sleep(0.5)
        with run.lock:
            submitting = run.submitting
            leaves = [d["id"] for d in run.leaves]
            sheets = [d["id"] for d in run.sheets]
            races = {k: v for k, v in run.race_plan.items() if k not in started}
        for key, mode in list(races.items()):
            model, res_id, definition = key
            if definition == "pay":
                ready = sql(
                    "SELECT 1 FROM hr_expense_sheet WHERE id = %s AND state = 'post'", (res_id,)
                )
                if ready:
                    started.add(key)
                    threads.append(
                        threading.Thread(
                            target=guarded,
                            args=(busy["finance"], pay_race, run, pairs["finance"], res_id),
                        )
                    )
                    threads[-1].start()
                continue
            rows = sql(
                """SELECT id FROM tier_review WHERE model = %s AND res_id = %s
                    AND definition_id = %s AND status = 'pending'""",
                (model, res_id, definition),
            )
            if rows:
                started.add(key)
                review = {
                    "id": rows[0][0],
                    "model": model,
                    "res_id": res_id,
                    "definition_id": definition,
                }
                role = refs["pair_of"][definition]
                threads.append(
                    threading.Thread(
                        target=guarded,
                        args=(busy[role], review_race, run, pairs[role], review, mode, refs),
                    )
                )
                threads[-1].start()
        notify(run, refs, leaves, sheets)
        if submitting or not (leaves or sheets):
            continue
        open_reviews = sql(
            """SELECT count(*) FROM tier_review
                WHERE status IN ('waiting', 'pending')
                  AND ((model = %s AND res_id = ANY(%s)) OR (model = %s AND res_id = ANY(%s)))""",
            (LEAVE, leaves, SHEET, sheets),
        )[0][0]
        unpaid = sql(
            """SELECT count(*) FROM hr_expense_sheet
                WHERE id = ANY(%s) AND state IN ('approve', 'post')""",
            (sheets,),
        )[0][0]
        if not open_reviews and not unpaid and not any(t.is_alive() for t in threads):
            run.stop.set()
    for thread in threads:
        thread.join()


def notify(run, refs, leaves, sheets):
    """Tell each reviewer whether a step of the run waits for them, and each
    finance officer whether a report waits to be posted or paid."""
    todo = defaultdict(set)
    for review_id, model, res_id, definition, reviewers in sql(
        """SELECT r.id, r.model, r.res_id, r.definition_id, array_agg(rel.res_users_id)
             FROM tier_review r
             JOIN res_users_tier_review_rel rel ON rel.tier_review_id = r.id
            WHERE r.status = 'pending'
              AND ((r.model = %s AND r.res_id = ANY(%s)) OR (r.model = %s AND r.res_id = ANY(%s)))
            GROUP BY r.id""",
        (LEAVE, leaves, SHEET, sheets),
    ):
        review = {
            "id": review_id,
            "model": model,
            "res_id": res_id,
            "definition_id": [definition],
            "reviewer_ids": reviewers,
        }
        for uid in reviewers:
            login = refs["login_of"].get(uid)
            if login in run.inbox and mine(run, refs, login, review):
                todo[login].add("approve")
    for sheet_id, state in sql(
        """SELECT id, state FROM hr_expense_sheet
            WHERE id = ANY(%s) AND state IN ('approve', 'post')""",
        (sheets,),
    ):
        if state == "approve" or sheet_id not in run.pay_races:
            todo[payer(refs, sheet_id)].add("pay")
    with run.lock:
        run.todo = todo
    for login in todo:
        run.inbox[login].set()


def guarded(lock, function, *args):
    """A race, once its pair of people is free (a request that fails on the
    way is counted in the table by the client)."""
    with lock:
        try:
            function(*args)
        except (Budget, RpcError):
            pass


# -- the run ------------------------------------------------------------------------


def register(run, refs, model, doc):
    """Add a submitted document of the run, and choose whether one of its
    steps (or its payment) is decided by two people at the same moment: of
    the 2-day time off every other one at HR (every fourth approved by one
    and rejected by the other), of the 4-day time off every other one at
    Leadership; of the expense reports in turn the finance check, Leadership
    and the payment."""
    with run.lock:
        key = mode = None
        if model == LEAVE:
            count = run.counters[doc["days"]]
            run.counters[doc["days"]] += 1
            if doc["days"] == 2 and count % 2 == 0:
                key, mode = (
                    (LEAVE, doc["id"], refs["leave_hr"]),
                    "reject" if count % 4 == 0 else "approve",
                )
            elif doc["days"] == 4 and count % 2 == 0:
                key, mode = (LEAVE, doc["id"], refs["leave_leadership"]), "approve"
            run.leaves.append(doc)
        else:
            count = run.counters[SHEET]
            run.counters[SHEET] += 1
            step = (refs["sheet_finance"], refs["sheet_leadership"], "pay")[count % 3]
            key, mode = (SHEET, doc["id"], step), "approve"
            if step == "pay":
                run.pay_races.add(doc["id"])
            run.sheets.append(doc)
        if key:
            run.race_plan[key] = mode
            if key[2] != "pay":
                run.reserved.add(key)


class Hook(BaseHTTPRequestHandler):
    """The messenger's robot, on the loopback: answers every post as WeCom
    does when it accepts a message."""

    posts = 0
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with Hook.lock:
            Hook.posts += 1
        body = b'{"errcode": 0, "errmsg": "ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def references(run):
    leadership, hr, finance, heads, employees = people()
    refs = {
        "leadership": leadership,
        "hr": hr,
        "finance": finance,
        "heads": heads,
        "employees": dict(sorted(employees.items())[: run.args.employees]),
        "leave_type": xmlid("hr_holidays", "holiday_status_unpaid"),
        "product": xmlid("hr_expense", "product_product_no_cost"),
        "leave_hr": xmlid("ops_attendance", "tier_definition_leave_hr"),
        "leave_leadership": xmlid("ops_attendance", "tier_definition_leave_leadership"),
        "sheet_finance": xmlid("ops_finance", "tier_definition_expense_finance"),
        "sheet_leadership": xmlid("ops_finance", "tier_definition_expense_leadership"),
        "approval_type": xmlid("ops_org", "mail_activity_type_ops_approval"),
        "company": xmlid("base", "main_company"),
    }
    refs["finance_check"] = refs["sheet_finance"]
    refs["pair_of"] = {
        refs["leave_hr"]: "hr",
        refs["leave_leadership"]: "leadership",
        refs["sheet_finance"]: "finance",
        refs["sheet_leadership"]: "leadership",
    }
    refs["login_of"] = {
        uid: login
        for uid, login in sql("SELECT id, login FROM res_users WHERE login LIKE 'ops.%%'")
    }
    missing = [k for k, v in refs.items() if v in (None, set(), {})]
    if missing or len(hr) < 2 or len(finance) < 2 or len(leadership) < 2:
        sys.exit(
            f"The demo data lacks what the load test needs: {missing or 'two people per role'}"
        )
    return refs


def deciders(refs):
    return sorted(refs["heads"] | refs["hr"] | refs["finance"] | refs["leadership"])


def load(run, refs):
    """Start everyone, let them work until the conductor or the deadline
    stops them."""
    pairs = {
        role: [Client(run, login).authenticate() for login in sorted(refs[role])[:2]]
        for role in ("hr", "finance", "leadership")
    }
    run.inbox = {login: threading.Event() for login in deciders(refs)}
    threads = [
        threading.Thread(target=decider_work, args=(run, login, refs), daemon=True)
        for login in deciders(refs)
    ]
    run.submitting = len(refs["employees"])
    for index, (login, employee_id) in enumerate(refs["employees"].items()):
        threads.append(
            threading.Thread(
                target=employee_work, args=(run, login, employee_id, index, refs), daemon=True
            )
        )
    threads.append(
        threading.Thread(target=hr_month_work, args=(run, sorted(refs["hr"])[-1]), daemon=True)
    )
    watcher = threading.Thread(target=conductor, args=(run, refs, pairs), daemon=True)
    watcher.start()
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    watcher.join()
    for thread in threads:
        thread.join(timeout=max(1.0, run.deadline + run.args.timeout - time.monotonic()))
    return time.monotonic() - run.start


def wait_jobs(since, seconds):
    """Wait until no job of the run is still to run (bounded); the jobs'
    states then."""
    end = time.monotonic() + seconds
    while True:
        states = dict(
            sql(
                "SELECT state, count(*) FROM queue_job WHERE date_created >= %s GROUP BY state",
                (since,),
            )
        )
        if not any(states.get(s) for s in RUNNING_JOBS) or time.monotonic() > end:
            return states
        time.sleep(1)


def percentile(values, share):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def print_table(run, seconds):
    stats = run.stats
    rows = [
        ("request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "refused (expected)", "errors")
    ]
    total = 0
    for kind in sorted(stats.latency, key=lambda k: -len(stats.latency[k])):
        values = stats.latency[kind]
        total += len(values)
        rows.append(
            (
                kind,
                str(len(values)),
                f"{len(values) / seconds:.2f}",
                *(f"{percentile(values, p) * 1000:.0f}" for p in (0.50, 0.95, 0.99)),
                str(stats.refused[kind]),
                str(stats.errors[kind]),
            )
        )
    rows.append(
        (
            "all",
            str(total),
            f"{total / seconds:.2f}",
            *(
                f"{percentile([v for vs in stats.latency.values() for v in vs], p) * 1000:.0f}"
                for p in (0.50, 0.95, 0.99)
            ),
            str(sum(stats.refused.values())),
            str(sum(stats.errors.values())),
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row):
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "| " + " | ".join(cells) + " |"

    print(line(rows[0]))
    print(
        "| " + " | ".join("-" * (w - 1) + (":" if i else "-") for i, w in enumerate(widths)) + " |"
    )
    for row in rows[1:]:
        print(line(row))


def check_submissions(run):
    problems = []
    for model, name, succeeded in run.attempts:
        if model == LEAVE:
            rows = sql(
                """SELECT l.id, l.state, (SELECT count(*) FROM tier_review r
                                           WHERE r.model = 'hr.leave' AND r.res_id = l.id)
                     FROM hr_leave l WHERE l.private_name = %s""",
                (name,),
            )
            if succeeded and (len(rows) != 1 or not rows[0][2]):
                problems.append(f"{name}: {len(rows)} time off, expected 1 with its approval steps")
            elif not succeeded and rows:
                problems.append(f"{name}: refused to its employee, yet {len(rows)} stored")
        else:
            rows = sql("SELECT id, approval_state FROM hr_expense_sheet WHERE name = %s", (name,))
            if succeeded and (len(rows) != 1 or rows[0][1] in (None, "draft")):
                problems.append(f"{name}: {len(rows)} reports ({rows}), expected 1 submitted")
            elif not succeeded and (
                len(rows) > 1 or any(r[1] not in (None, "draft") for r in rows)
            ):
                problems.append(f"{name}: refused to its employee, yet {rows}")
    counted = f"{sum(1 for a in run.attempts if a[2])} of {len(run.attempts)} submitted"
    return problems, counted


def run_docs(run):
    return [d["id"] for d in run.leaves], [d["id"] for d in run.sheets]


def check_decisions(run, refs):
    problems = []
    twice = {k: v for k, v in run.wins.items() if not isinstance(k, tuple) and len(v) > 1}
    problems += [f"step {k} decided by {v}" for k, v in twice.items()]
    leaves, sheets = run_docs(run)
    # Each decided step closed its reviewer's approval activity once: as many
    # "done" approval activities on a document as steps decided.
    rows = sql(
        """SELECT r.model, r.res_id,
                  count(*) FILTER (WHERE r.status IN ('approved', 'rejected')),
                  count(*) FILTER (WHERE r.status IN ('approved', 'rejected')
                                     AND r.done_by IS NULL),
                  (SELECT count(*) FROM mail_message m
                    WHERE m.model = r.model AND m.res_id = r.res_id
                      AND m.mail_activity_type_id = %s)
             FROM tier_review r
            WHERE (r.model = %s AND r.res_id = ANY(%s)) OR (r.model = %s AND r.res_id = ANY(%s))
            GROUP BY r.model, r.res_id""",
        (refs["approval_type"], LEAVE, leaves, SHEET, sheets),
    )
    decided = 0
    for model, res_id, done, anonymous, closed in rows:
        decided += done
        if anonymous or closed != done:
            problems.append(
                f"{model} {res_id}: {done} steps decided, {anonymous} without who, "
                f"{closed} approval activities done"
            )
    # One outcome per document: refused with a rejected step, approved with
    # every step approved.
    for model, res_id, state, statuses in sql(
        """SELECT 'hr.leave', l.id, l.state, array_agg(r.status) FROM hr_leave l
             JOIN tier_review r ON r.model = 'hr.leave' AND r.res_id = l.id
            WHERE l.id = ANY(%s) GROUP BY l.id
           UNION ALL
           SELECT 'hr.expense.sheet', s.id, s.state, array_agg(r.status) FROM hr_expense_sheet s
             JOIN tier_review r ON r.model = 'hr.expense.sheet' AND r.res_id = s.id
            WHERE s.id = ANY(%s) GROUP BY s.id""",
        (leaves, sheets),
    ):
        rejected = "rejected" in statuses
        approved = all(s == "approved" for s in statuses)
        refused_states = ("refuse",) if model == LEAVE else ("cancel",)
        approved_states = ("validate",) if model == LEAVE else ("approve", "post", "done")
        if (
            (rejected and state not in refused_states)
            or (approved and state not in approved_states)
            or (not rejected and not approved and state in refused_states + approved_states)
        ):
            problems.append(f"{model} {res_id}: {state} with steps {statuses}")
    return problems, f"{decided} steps decided on {len(rows)} documents"


def check_races(run):
    problems = []
    counts = defaultdict(int)
    refusals = defaultdict(int)
    for item in run.races:
        outcomes = [o for o, _t in item["outcomes"]]
        if "not run" in outcomes:
            counts["not run (deadline)"] += 1
            continue
        if sorted(outcomes) == ["refused", "won"]:
            counts[f"{item['what']}: one won, one refused"] += 1
            refusals.update({t: refusals[t] + 1 for o, t in item["outcomes"] if o == "refused"})
        else:
            problems.append(f"{item['what']} {item['key']}: {item['outcomes']}")
    summary = "; ".join(f"{what} {n}" for what, n in sorted(counts.items())) or "none run"
    refused = ", ".join(f"{name} {n}" for name, n in sorted(refusals.items()))
    return problems, f"{summary}; refusals: {refused or 'none'}"


def check_payments(run):
    problems = []
    __, sheets = run_docs(run)
    rows = sql(
        """SELECT s.id,
                  (SELECT count(*) FROM account_move m WHERE m.expense_sheet_id = s.id),
                  (SELECT count(DISTINCT p.id) FROM account_payment p
                    WHERE p.id IN (SELECT rel.payment_id FROM account_move__account_payment rel
                                     JOIN account_move m ON m.id = rel.invoice_id
                                    WHERE m.expense_sheet_id = s.id)
                       OR p.move_id IN (SELECT l2.move_id FROM account_move m
                                          JOIN account_move_line l ON l.move_id = m.id
                                          JOIN account_partial_reconcile pr
                                            ON l.id IN (pr.debit_move_id, pr.credit_move_id)
                                          JOIN account_move_line l2
                                            ON l2.id IN (pr.debit_move_id, pr.credit_move_id)
                                           AND l2.move_id != m.id
                                         WHERE m.expense_sheet_id = s.id))
             FROM hr_expense_sheet s WHERE s.id = ANY(%s)""",
        (sheets,),
    )
    paid = 0
    for sheet, moves, payments in rows:
        paid += payments == 1
        if moves > 1 or payments > 1:
            problems.append(f"expense report {sheet}: {moves} entries, {payments} payments")
    twice = {k: v for k, v in run.wins.items() if isinstance(k, tuple) and len(v) > 1}
    problems += [f"expense report {k[1]} paid by {v}" for k, v in twice.items()]
    return problems, f"{paid} of {len(rows)} reports paid"


def check_month(run):
    if not run.month_id:
        return ["no attendance month was created"], "none"
    rows = sql(
        """SELECT m.state,
                  (SELECT count(*) FROM ops_attendance_month_line l WHERE l.month_id = m.id)
             FROM ops_attendance_month m WHERE m.id = %s""",
        (run.month_id,),
    )
    state, lines = rows[0]
    problems = (
        [] if state == "computed" and lines else [f"month {run.month_id}: {state}, {lines} lines"]
    )
    return problems, f"{state}, {lines} lines"


def log_counts(paths):
    """What the servers' logs say: serialisation failures Odoo retried, the
    retries given up, workers restarted on a limit."""
    counts = defaultdict(int)
    patterns = {
        "retried": re.compile(
            r"(SERIALIZATION_FAILURE|DEADLOCK_DETECTED|LOCK_NOT_AVAILABLE), \d+ tries left"
        ),
        "given up": re.compile(r"maximum number of tries reached"),
        "restarted": re.compile(
            r"CPU time limit \(|memory limit \(\d+\) reached|\) timeout after \d+s"
        ),
    }
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as log:
                for text in log:
                    for name, pattern in patterns.items():
                        if pattern.search(text):
                            counts[name] += 1
        except FileNotFoundError:
            continue
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--ports", required=True, help="HTTP ports of the servers, comma separated")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load at most")
    parser.add_argument("--max-requests", type=int, default=1500)
    parser.add_argument("--employees", type=int, default=15)
    parser.add_argument("--leaves", type=int, default=2, help="time off requests per employee")
    parser.add_argument("--reports", type=int, default=1, help="expense reports per employee")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per request")
    parser.add_argument("--jobs-wait", type=float, default=120.0)
    parser.add_argument("--webhook-port", type=int, default=8379)
    parser.add_argument("--admin-password", default="admin")
    parser.add_argument("--log", action="append", default=[], help="a server's log file")
    args = parser.parse_args()

    try:
        hook = ThreadingHTTPServer(("127.0.0.1", args.webhook_port), Hook)
    except OSError as error:
        sys.exit(f"The messenger robot cannot listen on port {args.webhook_port}: {error}")
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    DATABASE["name"] = args.db
    run = Run(args)
    refs = references(run)
    since = sql("SELECT now() AT TIME ZONE 'UTC'")[0][0]
    # The company's messenger is the robot above, so that every request and
    # decision also queues its webhook job (queue_job's webhook channel).
    admin = Client(run, "admin", args.admin_password, record=False).authenticate()
    company = refs["company"]
    before = admin.call(
        "", "res.company", "read", [[company], ["ops_webhook_provider", "ops_webhook_url"]]
    )[0]
    admin.call(
        "",
        "res.company",
        "write",
        [
            [company],
            {
                "ops_webhook_provider": "wecom",
                "ops_webhook_url": f"http://127.0.0.1:{args.webhook_port}/hook",
            },
        ],
    )
    try:
        seconds = load(run, refs)
        jobs = wait_jobs(since, args.jobs_wait)
    finally:
        admin.call(
            "",
            "res.company",
            "write",
            [[company], {k: before[k] for k in ("ops_webhook_provider", "ops_webhook_url")}],
        )
        hook.shutdown()

    print()
    print(
        f"Load test {run.tag}: {len(refs['employees'])} employees asking, "
        f"{len(deciders(refs))} people deciding, "
        f"{seconds:.1f} s of load on ports {args.ports}"
    )
    print()
    print_table(run, seconds)
    print()
    checks = []
    problems, info = check_submissions(run)
    checks.append(("every submission present exactly once", problems, info))
    problems, info = check_decisions(run, refs)
    checks.append(("no approval step decided twice, one outcome per document", problems, info))
    problems, info = check_races(run)
    checks.append(("steps and payments raced by two people: one wins, one refused", problems, info))
    problems, info = check_payments(run)
    checks.append(("no expense report paid (or booked) twice", problems, info))
    problems = [f"{kind}: {text[:400]}" for kind, text in run.stats.serialization]
    checks.append(("no serialisation error shown to a user", problems, f"{len(problems)} shown"))
    running = {s: n for s, n in jobs.items() if s in RUNNING_JOBS}
    failed = jobs.get("failed", 0)
    problems = ([f"still to run after {args.jobs_wait:.0f} s: {running}"] if running else []) + (
        [f"{failed} failed"] if failed else []
    )
    checks.append(
        (
            "every job done",
            problems,
            f"jobs {dict(sorted(jobs.items()))}, webhook posts {Hook.posts}",
        )
    )
    problems, info = check_month(run)
    checks.append(("attendance month computed", problems, info))
    errors = sum(run.stats.errors.values())
    checks.append(
        (
            "no unexpected error",
            [f"{kind}: {detail[:600]}" for kind, detail in run.stats.error_samples]
            if errors
            else [],
            f"{errors} errors",
        )
    )
    counts = log_counts(args.log)
    failed_checks = 0
    for name, problems, info in checks:
        failed_checks += bool(problems)
        print(f"{'FAIL' if problems else 'pass'}  {name} ({info})")
        for problem in problems[:10]:
            print(f"        {problem}")
    print(
        f"info  servers' logs: {counts['retried']} serialisation failures retried by Odoo, "
        f"{counts['given up']} given up, {counts['restarted']} worker limits reached"
    )
    return 1 if failed_checks else 0


if __name__ == "__main__":
    sys.exit(main())
