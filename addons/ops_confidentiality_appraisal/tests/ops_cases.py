# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The decisions ops_confidentiality_appraisal adds to ``ops.appraisal``
(who may read a result), refused to the appraised employee, for the
suite's registry tests (``ops_org.tests.common``)."""

from datetime import date

from odoo.addons.ops_appraisal.tests.ops_cases import appraisal_world
from odoo.addons.ops_org.tests.common import ops_decision_case


def _own_appraisal_of_a_cleared_hr(case, prefix):
    """The world in evaluation; its HR officer signed an NDA and is cleared
    up to confidential: their own appraisal, as them."""
    world = appraisal_world(case, prefix, "open")
    case.env["ops.nda"].create({"employee_id": world.employees.hr.id, "date_signed": date.today()})
    world.employees.hr.ops_clearance = "confidential"
    return world, world.hr_appraisal.with_user(world.users.hr)


@ops_decision_case("ops.appraisal", "field:ops_level")
def hr_classifies_their_own_result(case):
    _world, own = _own_appraisal_of_a_cleared_hr(case, "case_appraisal_level")
    return lambda: own.write({"ops_level": "confidential"})


@ops_decision_case("ops.appraisal", "field:ops_need_to_know_user_ids")
def hr_names_who_reads_their_own_result(case):
    world, own = _own_appraisal_of_a_cleared_hr(case, "case_appraisal_users")
    return lambda: own.write({"ops_need_to_know_user_ids": [(6, 0, world.users.hr.ids)]})


@ops_decision_case("ops.appraisal", "field:ops_need_to_know_department_ids")
def hr_names_the_departments_that_read_their_own_result(case):
    world, own = _own_appraisal_of_a_cleared_hr(case, "case_appraisal_departments")
    return lambda: own.write({"ops_need_to_know_department_ids": [(6, 0, world.department.ids)]})
