"""Deciding an approval through the suite against approving a stock Odoo
time off, for the same user on the same database.

A department head (a user with an employee of their own, the time off
manager of their staff) has staff asking for one-day time off of two
types: one on the suite's approval chain (the department head's step, the
only one of a day asked in time) and one that is not (Odoo's validation by
the manager, as in stock Odoo). The head approves a request of each kind
as the web client asks it: the chain's step from My Approvals
(``tier.review.action_ops_approve``, which the approval activity's Approve
calls too), the stock time off with Odoo's Approve (``hr.leave``
``action_approve``); both end with the time off validated (calendar,
resource leave) and the changes flushed. Each call starts with an empty
record cache, as a new request does.

Goals: the number of queries to decide one request does not depend on the
number of other requests waiting for the same head (1 against
``PENDING``; the stock figures are shown beside it), and the time of a
decision through the suite is within 1.5 x that of the stock approval,
each the best of ``REPEAT`` decisions made in turn with ``PENDING``
requests of each kind waiting (``timing.best_in_turn``). The requests are
created through the ORM by the staff (the chain gives the head its step
and activity); before each count a decision of each kind runs untimed
(creating many requests takes some of Odoo's cached values out of its
caches, which would be counted otherwise).
"""

from datetime import date, timedelta

from timing import best_in_turn

PENDING = 100
REPEAT = 9
STAFF = 4
FIRST_DAY = date(2027, 1, 4)


def _user(env, login, groups):
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": login.replace("-", " ").title(),
                "login": login,
                "email": f"{login}@example.com",
                "groups_id": [(6, 0, [env.ref(xmlid).id for xmlid in groups])],
            }
        )
    )


def _setup(env):
    company = env.company
    company.ops_leave_policy = True
    employee_group = "ops_org.ops_org_group_employee"
    head_user = _user(env, "bench-approver", [employee_group])
    head = env["hr.employee"].create(
        {"name": head_user.name, "user_id": head_user.id, "company_id": company.id}
    )
    department = env["hr.department"].create(
        {"name": "Bench approvals", "manager_id": head.id, "company_id": company.id}
    )
    head.department_id = department
    staff = env["hr.employee"]
    for index in range(STAFF):
        user = _user(env, f"bench-requester-{index}", [employee_group])
        staff |= env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": department.id,
                "parent_id": head.id,
                "leave_manager_id": head_user.id,
                "company_id": company.id,
            }
        )
    types = {
        chained: env["hr.leave.type"].create(
            {
                "name": f"Bench {'chain' if chained else 'stock'}",
                "requires_allocation": "no",
                "leave_validation_type": "manager",
                "company_id": company.id,
                "ops_authority_chain": chained,
                "ops_notice_days": 0,
            }
        )
        for chained in (True, False)
    }
    env.flush_all()
    return head_user, staff, types


class _Requests:
    """Staff ask for one-day time off on their next free working days."""

    def __init__(self, env, staff, types):
        self.env, self.staff, self.types = env, staff, types
        self.next_day = {employee.id: FIRST_DAY for employee in staff}

    def _day(self, employee):
        day = self.next_day[employee.id]
        while day.weekday() >= 5:
            day += timedelta(days=1)
        self.next_day[employee.id] = day + timedelta(days=1)
        return day

    def make(self, chained, count):
        leaves = self.env["hr.leave"]
        for index in range(count):
            employee = self.staff[index % len(self.staff)]
            day = self._day(employee)
            leaves |= (
                self.env["hr.leave"]
                .with_user(employee.user_id)
                .create(
                    {
                        "name": "Bench",
                        "employee_id": employee.id,
                        "holiday_status_id": self.types[chained].id,
                        "request_date_from": day,
                        "request_date_to": day,
                    }
                )
            )
        self.env.flush_all()
        return leaves.sudo(False).with_user(self.env.user)


def _decide_suite(env, approver, leave):
    """The head approves the chain's step of ``leave`` from My Approvals."""
    review = leave.review_ids.filtered(lambda r: r.status == "pending")
    assert len(review) == 1 and approver in review.reviewer_ids, leave
    review_id = review.id
    env.invalidate_all()
    env["tier.review"].with_user(approver).browse(review_id).action_ops_approve()
    env.flush_all()


def _approve_stock(env, approver, leave):
    leave_id = leave.id
    env.invalidate_all()
    env["hr.leave"].with_user(approver).browse(leave_id).action_approve()
    env.flush_all()


def _count(env, func, *args):
    before = env.cr.sql_log_count
    func(env, *args)
    return env.cr.sql_log_count - before


def _count_after_warm_up(env, approver, suite, stock):
    """Queries to decide the last request of ``suite`` and of ``stock``,
    once one of each was decided (untimed: creating many requests takes
    some of Odoo's cached values out of its caches)."""
    _decide_suite(env, approver, suite.pop())
    _approve_stock(env, approver, stock.pop())
    return (
        _count(env, _decide_suite, approver, suite.pop()),
        _count(env, _approve_stock, approver, stock.pop()),
    )


def run(env):
    approver, staff, types = _setup(env)
    requests = _Requests(env, staff, types)
    # Warm-up, not counted: the first decisions fill Odoo's caches.
    _decide_suite(env, approver, requests.make(True, 1))
    _approve_stock(env, approver, requests.make(False, 1))
    # One request of each kind waiting.
    suite_one, stock_one = _count_after_warm_up(
        env, approver, list(requests.make(True, 2)), list(requests.make(False, 2))
    )
    # PENDING of each kind waiting (and REPEAT more, decided while timing).
    suite_pool = list(requests.make(True, PENDING + REPEAT + 2))
    stock_pool = list(requests.make(False, PENDING + REPEAT + 2))
    suite_many, stock_many = _count_after_warm_up(env, approver, suite_pool, stock_pool)
    Review = env["tier.review"]
    waiting = Review.search_count([("status", "=", "pending"), ("reviewer_ids", "in", approver.id)])
    assert waiting >= PENDING, waiting
    (suite_time, _), (stock_time, _) = best_in_turn(
        REPEAT,
        lambda: _decide_suite(env, approver, suite_pool.pop()),
        lambda: _approve_stock(env, approver, stock_pool.pop()),
    )
    decided = env["hr.leave"].search([("employee_id", "in", staff.ids), ("state", "=", "validate")])
    assert len(decided) == 2 * (REPEAT + 5), len(decided)
    ratio = suite_time / stock_time
    return [
        (
            f"approval decision through the suite: queries with 1 / {PENDING} waiting",
            f"{suite_one} / {suite_many}",
            "= at 1",
            suite_one == suite_many,
        ),
        (
            f"stock time off approval: queries with 1 / {PENDING} waiting",
            f"{stock_one} / {stock_many}",
            "-",
            True,
        ),
        (
            "approval decision: suite / stock time off (ms)",
            f"{suite_time * 1000:.0f} / {stock_time * 1000:.0f}",
            "-",
            True,
        ),
        ("approval decision: suite / stock time off", f"{ratio:.2f}", "<= 1.5", ratio <= 1.5),
    ]
