# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples of the models of ops_appraisal that take ``ops.workflow.mixin``
and the decisions whose subject may not take them, for the suite's
registry tests (``ops_org.tests.common``). Every builder makes its own
users (logins prefixed by the builder's name) and data, as superuser."""

from types import SimpleNamespace

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample, ops_user

EMPLOYEE = "ops_org.ops_org_group_employee"
HR = "ops_org.ops_org_group_hr"
LEADERSHIP = "ops_org.ops_org_group_leadership"


def appraisal_world(case, prefix, state="draft", rated=False):
    """A department headed by ``head`` where ``hr`` (an HR officer) and
    ``staff`` work, a one-criterion template and a monthly cycle of the
    department taken to ``state`` (draft, open, calibration, published)
    as superuser; ``rated``: every evaluation given, else none."""
    env = case.env
    users = SimpleNamespace(
        head=ops_user(env, f"{prefix}_head", EMPLOYEE, case.company),
        hr=ops_user(env, f"{prefix}_hr", HR, case.company),
        staff=ops_user(env, f"{prefix}_staff", EMPLOYEE, case.company),
    )
    Employee = env["hr.employee"]
    head = Employee.create({"name": f"{prefix} head", "user_id": users.head.id})
    department = env["hr.department"].create({"name": f"{prefix} dept", "manager_id": head.id})
    head.department_id = department
    hr, staff = Employee.create(
        [
            {
                "name": f"{prefix} {key}",
                "user_id": user.id,
                "department_id": department.id,
                "parent_id": head.id,
            }
            for key, user in (("hr", users.hr), ("staff", users.staff))
        ]
    )
    template = env["ops.appraisal.template"].create(
        {
            "name": f"{prefix} template",
            "supervisor_weight": 100,
            "peer_weight": 0,
            "self_weight": 0,
            "customer_weight": 0,
            "criterion_ids": [(0, 0, {"name": "Quality", "group": "performance", "weight": 100})],
        }
    )
    cycle = env["ops.appraisal.cycle"].create(
        {
            "name": f"{prefix} 2026-11",
            "period": "monthly",
            "date_start": "2026-11-01",
            "date_end": "2026-11-30",
            "template_id": template.id,
            "department_ids": [(6, 0, department.ids)],
        }
    )
    if state != "draft":
        cycle._ops_demo_run(state, submitted_share=100 if rated else 0)
    appraisals = {a.employee_id: a for a in cycle.appraisal_ids}
    return SimpleNamespace(
        users=users,
        employees=SimpleNamespace(head=head, hr=hr, staff=staff),
        department=department,
        template=template,
        cycle=cycle,
        hr_appraisal=appraisals.get(hr),
        staff_appraisal=appraisals.get(staff),
    )


def _supervisor_evaluation(appraisal):
    return appraisal.evaluation_ids.filtered(lambda e: e.role == "supervisor")


# -- samples: each model of the workflow in its first state --------------------


@ops_sample("ops.appraisal.cycle")
def draft_cycle(case):
    return appraisal_world(case, "sample_cycle").cycle


@ops_sample("ops.appraisal")
def appraisal_in_progress(case):
    return appraisal_world(case, "sample_appraisal", "open").staff_appraisal


@ops_sample("ops.appraisal.evaluation")
def evaluation_to_do(case):
    world = appraisal_world(case, "sample_evaluation", "open")
    return _supervisor_evaluation(world.staff_appraisal)


@ops_sample("ops.appraisal.bonus.sheet")
def draft_bonus_sheet(case):
    world = appraisal_world(case, "sample_bonus", "published", rated=True)
    return case.env["ops.appraisal.bonus.sheet"].create(
        {"name": "Sample bonus", "cycle_id": world.cycle.id}
    )


@ops_sample("ops.appraisal.honour")
def draft_honour(case):
    world = appraisal_world(case, "sample_honour")
    return case.env["ops.appraisal.honour"].create(
        {
            "type_id": case.env.ref(
                "ops_appraisal.ops_appraisal_honour_type_excellent_employee"
            ).id,
            "employee_id": world.employees.staff.id,
            "reason": "<p>Shipped early.</p>",
        }
    )


@ops_sample("ops.appraisal.improvement.plan")
def draft_improvement_plan(case):
    world = appraisal_world(case, "sample_plan", "published", rated=True)
    return case.env["ops.appraisal.improvement.plan"].create(
        {"appraisal_id": world.staff_appraisal.id}
    )


# -- decisions, taken by the person they are about ------------------------------


def _hr_in_calibration(case, prefix):
    """The world in calibration: the HR officer's own appraisal, as them."""
    world = appraisal_world(case, prefix, "calibration", rated=True)
    return world, world.hr_appraisal.with_user(world.users.hr)


@ops_decision_case("ops.appraisal", "field:calibrated_score")
def hr_calibrates_their_own_score(case):
    _world, own = _hr_in_calibration(case, "case_calibrated_score")
    return lambda: own.write({"calibrated_score": 99.0})


@ops_decision_case("ops.appraisal", "field:calibration_note")
def hr_notes_their_own_calibration(case):
    _world, own = _hr_in_calibration(case, "case_calibration_note")
    return lambda: own.write({"calibration_note": "Outstanding, says I."})


@ops_decision_case("ops.appraisal", "field:comment")
def hr_writes_the_supervisor_comment_of_their_own_appraisal(case):
    _world, own = _hr_in_calibration(case, "case_appraisal_comment")
    return lambda: own.write({"comment": "<p>Flawless.</p>"})


@ops_decision_case("ops.appraisal", "field:supervisor_user_id")
def hr_picks_their_own_supervisor(case):
    world = appraisal_world(case, "case_supervisor", "open")
    own = world.hr_appraisal.with_user(world.users.hr)
    return lambda: own.write({"supervisor_user_id": world.users.staff.id})


@ops_decision_case("ops.appraisal", "field:peer_user_ids")
def hr_picks_their_own_peers(case):
    world = appraisal_world(case, "case_peers", "open")
    own = world.hr_appraisal.with_user(world.users.hr)
    return lambda: own.write({"peer_user_ids": [(6, 0, world.users.staff.ids)]})


@ops_decision_case("ops.appraisal", "field:customer_partner_ids")
def hr_picks_their_own_customers(case):
    world = appraisal_world(case, "case_customers", "open")
    friend = case.env["res.partner"].create({"name": "A friendly customer"})
    own = world.hr_appraisal.with_user(world.users.hr)
    return lambda: own.write({"customer_partner_ids": [(6, 0, friend.ids)]})


@ops_decision_case("ops.appraisal", "field:department_id")
def hr_moves_their_own_appraisal_to_another_department(case):
    world = appraisal_world(case, "case_department", "open")
    elsewhere = case.env["hr.department"].create({"name": "case_department elsewhere"})
    own = world.hr_appraisal.with_user(world.users.hr)
    return lambda: own.write({"department_id": elsewhere.id})


def _hr_appeal_open(case, prefix):
    """The HR officer's own published appraisal, appealed by them."""
    world = appraisal_world(case, prefix, "published", rated=True)
    world.hr_appraisal._ops_workflow_write(
        {"appeal_reason": "The target moved.", "appeal_state": "open"}
    )
    return world


@ops_decision_case("ops.appraisal", "action_decide_appeal")
def hr_upholds_their_own_appeal(case):
    world = _hr_appeal_open(case, "case_decide_appeal")
    own = world.hr_appraisal.with_user(world.users.hr)
    return lambda: own.action_decide_appeal(True, "Upheld by myself.", 100.0)


@ops_decision_case("ops.appraisal.appeal.decision", "action_decide")
def hr_upholds_their_own_appeal_on_screen(case):
    world = _hr_appeal_open(case, "case_appeal_wizard")
    wizard = (
        case.env["ops.appraisal.appeal.decision"]
        .with_user(world.users.hr)
        .create(
            {
                "appraisal_id": world.hr_appraisal.id,
                "decision": "upheld",
                "new_score": 100.0,
                "reason": "Upheld by myself.",
            }
        )
    )
    return wizard.action_decide


def _own_supervisor_evaluation(case, prefix):
    world = appraisal_world(case, prefix, "open")
    return world, _supervisor_evaluation(world.hr_appraisal).with_user(world.users.hr)


@ops_decision_case("ops.appraisal.evaluation", "field:rater_user_id")
def hr_names_the_rater_of_their_own_appraisal(case):
    world, evaluation = _own_supervisor_evaluation(case, "case_rater_user")
    return lambda: evaluation.write({"rater_user_id": world.users.staff.id})


@ops_decision_case("ops.appraisal.evaluation", "field:rater_partner_id")
def hr_names_a_customer_rater_of_their_own_appraisal(case):
    _world, evaluation = _own_supervisor_evaluation(case, "case_rater_partner")
    friend = case.env["res.partner"].create({"name": "A friendly rater"})
    return lambda: evaluation.write({"rater_partner_id": friend.id})


@ops_decision_case("ops.appraisal.evaluation", "field:role")
def hr_changes_the_role_of_a_rater_of_their_own_appraisal(case):
    _world, evaluation = _own_supervisor_evaluation(case, "case_rater_role")
    return lambda: evaluation.write({"role": "peer"})


@ops_decision_case("ops.appraisal.evaluation", "field:comment")
def hr_writes_the_supervisor_comment_on_themselves(case):
    _world, evaluation = _own_supervisor_evaluation(case, "case_evaluation_comment")
    return lambda: evaluation.write({"comment": "Outstanding."})


def _own_supervisor_rating(case, prefix):
    _world, evaluation = _own_supervisor_evaluation(case, prefix)
    return evaluation.line_ids[:1]


@ops_decision_case("ops.appraisal.evaluation.line", "field:rating")
def hr_rates_themselves_as_their_supervisor(case):
    line = _own_supervisor_rating(case, "case_line_rating")
    return lambda: line.write({"rating": 5})


@ops_decision_case("ops.appraisal.evaluation.line", "field:value")
def hr_measures_themselves_as_their_supervisor(case):
    line = _own_supervisor_rating(case, "case_line_value")
    return lambda: line.write({"value": 100.0})


@ops_decision_case("ops.appraisal.evaluation.line", "field:comment")
def hr_comments_a_rating_of_themselves(case):
    line = _own_supervisor_rating(case, "case_line_comment")
    return lambda: line.write({"comment": "Perfect."})


def _sheet_with_hr(case, prefix):
    """A computed draft bonus sheet of a published cycle on which the HR
    officer has their own line."""
    world = appraisal_world(case, prefix, "published", rated=True)
    sheet = case.env["ops.appraisal.bonus.sheet"].create(
        {"name": f"{prefix} bonus", "cycle_id": world.cycle.id}
    )
    sheet.action_compute()
    own = sheet.line_ids.filtered(lambda line: line.employee_id == world.employees.hr)
    return world, sheet, own


@ops_decision_case("ops.appraisal.bonus.sheet", "action_confirm")
def hr_confirms_a_sheet_with_their_own_line(case):
    world, sheet, _own = _sheet_with_hr(case, "case_confirm_sheet")
    return sheet.with_user(world.users.hr).action_confirm


@ops_decision_case("ops.appraisal.bonus.line", "field:base")
def hr_raises_their_own_bonus_base_on_the_sheet(case):
    world, _sheet, own = _sheet_with_hr(case, "case_line_base")
    return lambda: own.with_user(world.users.hr).write({"base": 99999.0})


@ops_decision_case("ops.appraisal.bonus.line", "field:year_end_bonus")
def hr_raises_their_own_year_end_bonus(case):
    world, _sheet, own = _sheet_with_hr(case, "case_line_year_end")
    return lambda: own.with_user(world.users.hr).write({"year_end_bonus": 99999.0})


@ops_decision_case("ops.appraisal.bonus.line", "field:project_award")
def hr_raises_their_own_project_award(case):
    world, _sheet, own = _sheet_with_hr(case, "case_line_award")
    return lambda: own.with_user(world.users.hr).write({"project_award": 99999.0})


@ops_decision_case("hr.employee", "field:ops_bonus_base")
def hr_raises_their_own_bonus_base(case):
    world = appraisal_world(case, "case_bonus_base")
    own = world.employees.hr.with_user(world.users.hr)
    return lambda: own.write({"ops_bonus_base": 99999.0})


def _honour_of_a_leader(case, prefix):
    """A nomination of a leader, submitted by a department head: the leader
    is among the reviewers (Leadership)."""
    world = appraisal_world(case, prefix)
    leader = ops_user(case.env, f"{prefix}_leader", LEADERSHIP, case.company)
    employee = case.env["hr.employee"].create({"name": f"{prefix} leader", "user_id": leader.id})
    honour = (
        case.env["ops.appraisal.honour"]
        .with_user(world.users.hr)
        .create(
            {
                "type_id": case.env.ref(
                    "ops_appraisal.ops_appraisal_honour_type_excellent_employee"
                ).id,
                "employee_id": employee.id,
                "reason": "<p>Led the year.</p>",
            }
        )
    )
    honour.action_nominate()
    return leader, honour.with_user(leader)


@ops_decision_case("ops.appraisal.honour", "validate_tier")
def leader_approves_their_own_honour(case):
    _leader, honour = _honour_of_a_leader(case, "case_honour_validate")
    return honour.validate_tier


@ops_decision_case("ops.appraisal.honour", "reject_tier")
def leader_decides_on_their_own_honour(case):
    _leader, honour = _honour_of_a_leader(case, "case_honour_reject")
    return honour.reject_tier


def _own_plan(case, prefix, state="draft"):
    """An improvement plan on the HR officer's own published result."""
    world = appraisal_world(case, prefix, "published", rated=True)
    plan = case.env["ops.appraisal.improvement.plan"].create(
        {
            "appraisal_id": world.hr_appraisal.id,
            "goals": "<p>Improve.</p>",
            "date_end": "2027-02-28",
        }
    )
    if state == "active":
        plan.action_start()
        plan.outcome = "improved"
    return plan.with_user(world.users.hr)


@ops_decision_case("ops.appraisal.improvement.plan", "action_done")
def hr_closes_their_own_plan(case):
    plan = _own_plan(case, "case_plan_done", "active")
    return plan.action_done


@ops_decision_case("ops.appraisal.improvement.plan", "field:outcome")
def hr_records_the_outcome_of_their_own_plan(case):
    plan = _own_plan(case, "case_plan_outcome")
    return lambda: plan.write({"outcome": "improved"})


@ops_decision_case("ops.appraisal.improvement.plan", "field:outcome_note")
def hr_notes_the_outcome_of_their_own_plan(case):
    plan = _own_plan(case, "case_plan_note")
    return lambda: plan.write({"outcome_note": "All goals met."})
