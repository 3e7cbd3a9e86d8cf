# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import importlib
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from unittest import SkipTest

from odoo.exceptions import UserError, ValidationError
from odoo.modules.migration import load_script
from odoo.service.model import retrying
from odoo.tests import TransactionCase, new_test_user
from odoo.tests import common as odoo_test_common

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import Job

# queue_job's test helpers register themselves in SETATTR_SOURCES, which
# Odoo 18.0 has only since mid-2025: an earlier 18.0 gets the empty table.
if not hasattr(odoo_test_common, "SETATTR_SOURCES"):
    odoo_test_common.SETATTR_SOURCES = {}
from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: E402, F401

# Registries filled by each addon's ``tests/ops_cases.py`` and walked by the
# suite's registry tests (``ops_suite/tests/test_suite_rules.py``):
#
# * ``OPS_SAMPLES[model] = builder(case) -> record``: a record of ``model``
#   in the first state of its workflow, built as superuser;
# * ``OPS_DECISION_CASES[(model, entry)] = builder(case) -> callable``: the
#   callable takes the decision ``entry`` (a public method name, or
#   ``"field:<name>"`` for a decision field) as the person the decision is
#   about, with that person's rights; the suite test expects it refused.
#
# ``case`` is the running TransactionCase (an ``OpsOrgCommon``): builders use
# ``case.env`` (superuser) and ``case.company``.
OPS_SAMPLES = {}
# The context of every test of the suite: no mail noise, and the long steps'
# jobs (OCA queue_job) run inline (queue_job's ``queue_job__no_delay``). The
# tests of the jobs themselves turn it off, queue them and run them as the
# job runner does (``run_jobs``).
OPS_TEST_CONTEXT = dict(DISABLED_MAIL_CONTEXT, queue_job__no_delay=True)
OPS_DECISION_CASES = {}


def ops_sample(model):
    def register(builder):
        OPS_SAMPLES[model] = builder
        return builder

    return register


def ops_decision_case(model, entry):
    def register(builder):
        OPS_DECISION_CASES[(model, entry)] = builder
        return builder

    return register


def load_ops_cases(env):
    """Import every installed ops addon's ``tests/ops_cases.py`` (other
    addons add decisions to a model: their cases too)."""
    modules = env["ir.module.module"].search(
        [("name", "=like", "ops\\_%"), ("state", "=", "installed")]
    )
    for module in modules:
        try:
            importlib.import_module(f"odoo.addons.{module.name}.tests.ops_cases")
        except ModuleNotFoundError as error:
            if error.name != f"odoo.addons.{module.name}.tests.ops_cases":
                raise


def declared(model, attribute, module=None):
    """Union of a class attribute over the classes of a model (each addon
    extending a model declares its own), or over one addon's classes."""
    names = set()
    for cls in type(model).__mro__:
        if module and not cls.__module__.startswith(f"odoo.addons.{module}."):
            continue
        names |= set(cls.__dict__.get(attribute, ()))
    return names


def ops_user(env, login, groups, company=None):
    """A user of one role, as the tests of every ops_* addon create them:
    password = login, e-mail, and only ``company`` allowed."""
    company = company or env.company
    return new_test_user(
        env,
        login=login,
        groups=groups,
        name=login.replace("_", " ").title(),
        email=f"{login}@example.com",
        company_id=company.id,
        company_ids=[(6, 0, company.ids)],
    )


def chinese_company(env, chart="cn"):
    """A new company in China, in CNY, on Odoo's Chinese chart ``chart``
    (``cn``: 小企业会计准则, ``cn_large_bis``: 企业会计准则). The set-up installs
    ``l10n_cn`` beside the suite (no addon depends on it); where it is
    missing the test is skipped."""
    if env["ir.module.module"]._get("l10n_cn").state != "installed":
        raise SkipTest("l10n_cn is not installed in this database")
    company = env["res.company"].create(
        {
            "name": f"数字媒体公司 {chart}",
            "country_id": env.ref("base.cn").id,
            "currency_id": env.ref("base.CNY").id,
        }
    )
    env["account.chart.template"].try_loading(chart, company, install_demo=False)
    return company.with_company(company)


def run_migration(env, addon, version, stage, installed_version):
    """Run ``addons/<addon>/migrations/<version>/<stage>-migration.py`` on
    the test's cursor as Odoo's upgrade does: loaded by Odoo's own
    ``load_script`` and called with the cursor and the version the
    database had. The locals below are what openupgradelib's ``migrate``
    decorator reads from its caller's frame to log the step."""
    pyfile = f"{addon}/migrations/{version}/{stage}-migration.py"
    script = load_script(pyfile, f"{addon}_{stage}_migration_{version.replace('.', '_')}")
    env.flush_all()
    script.migrate(env.cr, installed_version)
    env.invalidate_all()
    return script


class OpsOrgCommon(TransactionCase):
    """One user per role, a department headed by ``user_head`` in which
    ``user_employee`` works, built as superuser without mail noise."""

    def assertRefused(self, call, *args, **kwargs):
        """``call(*args, **kwargs)`` is refused with a sentence for the user
        (UserError, AccessError or ValidationError) and leaves nothing
        written: it runs in a savepoint that is rolled back either way."""
        # AccessError and ValidationError are UserErrors; Odoo's assertRaises
        # runs the call in a savepoint rolled back afterwards. The cache is
        # emptied first so that access rules are checked, not cached reads.
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertRaises(UserError) as caught:
            call(*args, **kwargs)
        message = str(caught.exception)
        self.assertNotIn("Traceback", message)
        return caught.exception

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})

        def user(login, groups):
            return ops_user(cls.env, login, groups, cls.company)

        cls.user_employee = user("ops_employee", "ops_org.ops_org_group_employee")
        cls.user_head = user("ops_line_manager", "ops_org.ops_org_group_employee")
        cls.user_hr = user("ops_hr", "ops_org.ops_org_group_hr")
        cls.user_admin = user("ops_administration", "ops_org.ops_org_group_administration")
        cls.user_leader = user("ops_leader", "ops_org.ops_org_group_leadership")
        cls.user_leader_2 = user("ops_leader_2", "ops_org.ops_org_group_leadership")
        cls.user_outsider = user("ops_outsider", "base.group_user")

        Employee = cls.env["hr.employee"]
        cls.emp_head = Employee.create({"name": "Head", "user_id": cls.user_head.id})
        cls.emp_employee = Employee.create(
            {"name": "Staff", "user_id": cls.user_employee.id, "parent_id": cls.emp_head.id}
        )
        cls.department = cls.env["hr.department"].create(
            {
                "name": "Quality Lab",
                "code": "QL",
                "kind": "testing",
                "manager_id": cls.emp_head.id,
            }
        )
        cls.emp_employee.department_id = cls.department
        cls.emp_head.department_id = cls.department
        cls.duty = cls.env["ops.department.duty"].create(
            {"department_id": cls.department.id, "name": "Test every release."}
        )
        cls.other_department = cls.env["hr.department"].create(
            {"name": "Other Lab", "company_id": cls.other_company.id}
        )
        cls.other_duty = cls.env["ops.department.duty"].create(
            {"department_id": cls.other_department.id, "name": "Elsewhere."}
        )
        cls.group_head = cls.env.ref("ops_org.ops_org_group_department_head")
        cls.group_leadership = cls.env.ref("ops_org.ops_org_group_leadership")
        # Only our two leaders lead in these tests.
        cls.group_leadership.users = cls.user_leader | cls.user_leader_2


def race(registry, first_env, first_act, second_env, second_act, peek=None, done="done"):
    """Two users acting at the same moment, each in a database transaction
    of their own, on data committed beforehand.

    ``first_act(env)`` runs in the first transaction; while its changes
    have reached the database (with their row locks) but are not committed,
    ``second_act(env)`` runs in a second transaction whose snapshot was
    taken before (``peek(env)`` reads it then), retried on a serialisation
    failure as Odoo's RPC layer does. ``first_env(cr)`` / ``second_env(cr)``
    build each side's environment. Returns ``{"first": …, "second": …,
    "second_saw": …}``: ``done`` for an act that went through, the message
    of the error that refused it otherwise."""
    first_done = threading.Event()
    second_started = threading.Event()
    outcome = {}

    def first():
        with registry.cursor() as cr:
            env = first_env(cr)
            second_started.wait(10)
            first_act(env)
            # As at the end of an RPC call: the changes reach the database
            # (and take their row locks), then it commits.
            env.flush_all()
            first_done.set()
            # Hold the transaction open while the second user tries.
            threading.Event().wait(0.5)
            outcome["first"] = done

    def second():
        with registry.cursor() as cr:
            env = second_env(cr)
            if peek:
                outcome["second_saw"] = peek(env)
            second_started.set()
            first_done.wait(10)
            try:
                retrying(lambda: second_act(env), env)
                outcome["second"] = done
            except (UserError, ValidationError) as error:
                cr.rollback()
                outcome["second"] = str(error)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcome


def remove_committed_users(cr, users):
    """Remove users a test committed; archive them (without groups) when
    the chatter still refers to them."""
    try:
        with cr.savepoint():
            partners = users.partner_id
            users.unlink()
            partners.unlink()
    except Exception:  # noqa: BLE001 - referenced by the chatter: archive them
        users.write({"active": False, "groups_id": [(5, 0, 0)]})


class OpsCasesCommon(OpsOrgCommon):
    """The registry cases of one addon (its ``tests/ops_cases.py``) are
    complete and hold: a sample per model it puts on the workflow mixin, in
    its first state; a case per decision it declares, refused to the person
    the decision is about. A subclass names ``ops_module`` and the models."""

    ops_module = None
    # Models the addon puts on ops.workflow.mixin.
    ops_workflow_models = ()
    # Models on which the addon declares decisions (methods or fields).
    ops_decision_models = ()
    # The tier entry points that decide a step of a suite document.
    ops_tier_decisions = ("validate_tier", "reject_tier")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_ops_cases(cls.env)

    def _ops_entries(self, name):
        model = self.env[name]
        entries = declared(model, "_ops_decision_methods", self.ops_module)
        entries |= {
            f"field:{f}"
            for f in model._ops_decision_field_names()
            if model._fields[f]._module == self.ops_module
        }
        if (
            getattr(model, "_ops_workflow", False)
            and "review_ids" in model._fields
            and model._original_module == self.ops_module
        ):
            entries |= set(self.ops_tier_decisions)
        return sorted(entries)

    def test_every_workflow_model_has_a_sample_in_its_first_state(self):
        for name in self.ops_workflow_models:
            with self.subTest(model=name):
                self.assertTrue(getattr(self.env[name], "_ops_workflow", False))
                self.assertIn(name, OPS_SAMPLES)
                record = OPS_SAMPLES[name](self)
                self.assertEqual(record._name, name)
                state = record._ops_state_field
                if state:
                    self.assertEqual(record[state], record._fields[state].default(record))

    def test_every_decision_is_refused_to_its_subject(self):
        for name in sorted({*self.ops_workflow_models, *self.ops_decision_models}):
            for entry in self._ops_entries(name):
                with self.subTest(model=name, entry=entry):
                    self.assertIn((name, entry), OPS_DECISION_CASES)
                    self.assertRefused(OPS_DECISION_CASES[(name, entry)](self))


class LoopbackHook(BaseHTTPRequestHandler):
    """The messenger's robot (WeCom, DingTalk, Feishu) on a loopback port:
    keeps what it receives in ``received``, answers with ``status``."""

    received = []
    status = 200
    answer = b'{"errcode": 0}'

    def do_POST(self):  # noqa: N802 - http.server API
        length = int(self.headers.get("Content-Length", 0))
        type(self).received.append(json.loads(self.rfile.read(length)))
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(type(self).answer)

    def log_message(self, *args):
        pass


def serve_loopback_hook(case_class):
    """Start :class:`LoopbackHook` for a test class (stopped with it) and
    return the robot's URL."""
    server = HTTPServer(("127.0.0.1", 0), LoopbackHook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    case_class.addClassCleanup(server.server_close)
    case_class.addClassCleanup(server.shutdown)
    return f"http://127.0.0.1:{server.server_port}/robot/send"


def ops_jobs(env, model=None, method=None):
    """The queue_job jobs stored in this test's transaction, oldest first
    (of ``model``'s ``method`` when given)."""
    domain = []
    if model:
        domain.append(("model_name", "=", model))
    if method:
        domain.append(("method_name", "=", method))
    return env["queue.job"].sudo().search(domain, order="id")


def run_jobs(env, jobs):
    """Run stored jobs as queue_job's runner does (its controller's
    ``_runjob``), inside the test's transaction: each as the user who queued
    it; done when it returns, postponed by its retry pattern on a
    ``RetryableJobError``, failed with the error on any other exception.
    Returns the jobs, read again."""
    for record in jobs.sudo():
        job = Job.load(env, record.uuid)
        job.set_started()
        job.store()
        try:
            with env.cr.savepoint():
                job.perform()
                env.flush_all()
        except RetryableJobError as error:
            job.postpone(result=str(error), seconds=error.seconds)
            job.set_pending(reset_retry=False)
        except Exception as error:  # noqa: BLE001 - the runner records any failure
            job.set_failed(exc_name=type(error).__name__, exc_message=str(error))
        else:
            job.set_done()
        job.store()
    env.invalidate_all()
    return jobs


def deliver_webhooks(env):
    """Post the messenger's messages waiting in the job queue, as the job
    runner would."""
    jobs = ops_jobs(env, "res.company", "_ops_job_webhook_post")
    return run_jobs(env, jobs.filtered(lambda job: job.state == "pending"))
