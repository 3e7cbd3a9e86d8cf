# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Samples and decision cases of ops_training for the suite's registry
tests (``ops_suite/tests/test_suite_rules.py``): a record of every model on
the workflow in its first state, and every decision taken by the person it
is about, who otherwise has the rights to take it."""

from odoo.addons.ops_org.tests.common import ops_decision_case, ops_sample, ops_user

HR = "ops_org.ops_org_group_hr"
EMPLOYEE = "ops_org.ops_org_group_employee"


def _env(case):
    # New employees of these builders are not planned for onboarding.
    return case.env(context=dict(case.env.context, ops_training_no_onboarding=True))


def _person(case, login, groups=EMPLOYEE):
    """A user of ``groups`` who is also an employee."""
    user = ops_user(case.env, login, groups, case.company)
    employee = _env(case)["hr.employee"].create(
        {"name": user.name, "user_id": user.id, "company_id": case.company.id}
    )
    return user, employee


def _track(case, count=3):
    env = _env(case)
    track = env["ops.career.track"].create(
        {"name": "Case Track", "kind": "management", "company_id": case.company.id}
    )
    levels = env["ops.career.level"].create(
        [
            {"name": f"Case Level {rank}", "track_id": track.id, "sequence": 10 * rank}
            for rank in range(1, count + 1)
        ]
    )
    return track, levels


def _position(case, employee, level_rank=0):
    track, levels = _track(case)
    position = _env(case)["ops.career.position"].create(
        {
            "employee_id": employee.id,
            "track_id": track.id,
            "level_id": levels[level_rank].id,
            "date_start": "2020-01-01",
        }
    )
    return position, levels


def _promotion(case, employee):
    position, levels = _position(case, employee)
    return _env(case)["ops.career.promotion"].create(
        {"position_id": position.id, "to_level_id": levels[1].id}
    )


def _session(case, trainer=None):
    env = _env(case)
    programme = env["ops.training.programme"].create(
        {
            "name": "Case Programme",
            "kind": "skill",
            "method": "internal",
            "company_id": case.company.id,
            "trainer_user_id": trainer.id if trainer else False,
        }
    )
    return env["ops.training.session"].create(
        {
            "name": "Case Session",
            "programme_id": programme.id,
            "date_start": "2030-06-03 09:00:00",
            "date_end": "2030-06-03 17:00:00",
        }
    )


def _enrolment(case, employee, session=None):
    return _env(case)["ops.training.enrolment"].create(
        {"session_id": (session or _session(case)).id, "employee_id": employee.id}
    )


def _evaluation(case, attendee, trainer):
    """A pending evaluation (with its survey answer) of a closed session
    that ``attendee`` attended, rated but not given."""
    session = _session(case, trainer)
    enrolment = _enrolment(case, attendee, session)
    enrolment.action_attended()
    session.action_done()
    evaluation = session.evaluation_ids
    evaluation.write({"score_content": 4, "score_method": 4, "score_trainer": 4})
    return evaluation


def _plan(case, employee, state="draft"):
    plan = _env(case)["ops.development.plan"].create(
        {"employee_id": employee.id, "goal": "Lead a team", "company_id": case.company.id}
    )
    if state != "draft":
        plan._ops_workflow_write({"state": state})
    return plan


# -- samples: each model on the workflow, in its first state ----------------


@ops_sample("ops.career.promotion")
def promotion(case):
    return _promotion(case, case.emp_employee)


@ops_sample("ops.training.session")
def session(case):
    return _session(case, case.user_head)


@ops_sample("ops.training.enrolment")
def enrolment(case):
    return _enrolment(case, case.emp_employee)


@ops_sample("ops.training.evaluation")
def evaluation(case):
    return _evaluation(case, case.emp_employee, case.user_head)


@ops_sample("ops.training.need")
def need(case):
    return _env(case)["ops.training.need"].create(
        {"name": "Colour grading", "employee_id": case.emp_employee.id}
    )


@ops_sample("ops.development.plan")
def plan(case):
    return _plan(case, case.emp_employee)


# -- decisions, each taken by the person it is about -------------------------


@ops_decision_case("ops.career.promotion", "action_promote")
def hr_promotes_themselves(case):
    user, employee = _person(case, "case_promote_hr", HR)
    record = _promotion(case, employee)
    return lambda: record.with_user(user).action_promote()


@ops_decision_case("ops.career.promotion", "action_cancel")
def hr_cancels_their_own_promotion(case):
    user, employee = _person(case, "case_cancel_hr", HR)
    record = _promotion(case, employee)
    return lambda: record.with_user(user).action_cancel()


@ops_decision_case("ops.career.promotion", "field:override")
def hr_overrides_their_own_requirements(case):
    user, employee = _person(case, "case_override_hr", HR)
    record = _promotion(case, employee)
    return lambda: record.with_user(user).write({"override": True})


@ops_decision_case("ops.career.promotion", "field:override_reason")
def hr_gives_the_reason_of_their_own_override(case):
    user, employee = _person(case, "case_reason_hr", HR)
    record = _promotion(case, employee)
    return lambda: record.with_user(user).write({"override_reason": "Deserved"})


@ops_decision_case("ops.career.position", "field:level_id")
def hr_places_themselves_on_a_level(case):
    user, employee = _person(case, "case_level_hr", HR)
    track, levels = _track(case)
    return lambda: (
        case.env["ops.career.position"]
        .with_user(user)
        .create({"employee_id": employee.id, "track_id": track.id, "level_id": levels[2].id})
    )


@ops_decision_case("ops.career.position", "field:date_start")
def hr_backdates_their_own_level(case):
    user, employee = _person(case, "case_since_hr", HR)
    position, _levels = _position(case, employee)
    return lambda: position.with_user(user).write({"date_start": "2000-01-01"})


@ops_decision_case("ops.development.plan", "action_activate")
def hr_approves_their_own_plan(case):
    user, employee = _person(case, "case_activate_hr", HR)
    record = _plan(case, employee)
    return lambda: record.with_user(user).action_activate()


@ops_decision_case("ops.development.plan", "action_done")
def hr_declares_their_own_goal_achieved(case):
    user, employee = _person(case, "case_achieve_hr", HR)
    record = _plan(case, employee, "active")
    return lambda: record.with_user(user).action_done()


@ops_decision_case("ops.development.plan", "field:review_note")
def employee_writes_the_review_of_their_own_plan(case):
    user, employee = _person(case, "case_review_hr", HR)
    record = _plan(case, employee, "active")
    return lambda: record.with_user(user).write({"review_note": "Reviewed: all good."})


@ops_decision_case("ops.training.enrolment", "action_attended")
def hr_marks_their_own_attendance(case):
    user, employee = _person(case, "case_attend_hr", HR)
    record = _enrolment(case, employee)
    return lambda: record.with_user(user).action_attended()


@ops_decision_case("ops.training.enrolment", "action_absent")
def hr_marks_their_own_absence(case):
    user, employee = _person(case, "case_absent_hr", HR)
    record = _enrolment(case, employee)
    return lambda: record.with_user(user).action_absent()


def _trainer_rates_themselves(case, login):
    """An attendee's evaluation whose session they now train."""
    user, employee = _person(case, login)
    record = _evaluation(case, employee, case.user_head)
    record.session_id.trainer_user_id = user
    return user, record


@ops_decision_case("ops.training.evaluation", "action_submit")
def trainer_gives_the_evaluation_of_their_session(case):
    user, record = _trainer_rates_themselves(case, "case_submit_trainer")
    return lambda: record.with_user(user).action_submit()


@ops_decision_case("ops.training.evaluation", "field:score_trainer")
def trainer_rates_themselves(case):
    user, record = _trainer_rates_themselves(case, "case_rate_trainer")
    return lambda: record.with_user(user).write({"score_trainer": 5})
