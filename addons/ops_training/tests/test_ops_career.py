# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestCareer(TrainingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Editing",
                "skill_ids": [(0, 0, {"name": "Premiere"})],
                "skill_level_ids": [
                    (0, 0, {"name": "Beginner", "level_progress": 20}),
                    (0, 0, {"name": "Expert", "level_progress": 90}),
                ],
            }
        )
        cls.skill = cls.skill_type.skill_ids
        cls.beginner, cls.expert = cls.skill_type.skill_level_ids.sorted("level_progress")
        cls.grade_a = cls.env.ref("ops_appraisal.ops_appraisal_grade_a")
        cls.grade_b = cls.env.ref("ops_appraisal.ops_appraisal_grade_b")

    def require_skill(self, level, skill_level):
        return self.env["ops.career.level.skill"].create(
            {
                "level_id": level.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.skill.id,
                "skill_level_id": skill_level.id,
            }
        )

    def give_skill(self, employee, skill_level):
        self.env["hr.employee.skill"].create(
            {
                "employee_id": employee.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.skill.id,
                "skill_level_id": skill_level.id,
            }
        )

    def publish_appraisal(self, employee, grade):
        template = self.env["ops.appraisal.template"].create(
            {"name": "T", "criterion_ids": [(0, 0, {"name": "Quality", "weight": 100})]}
        )
        cycle = self.env["ops.appraisal.cycle"].create(
            {
                "name": "2026-10",
                "period": "monthly",
                "date_start": "2026-10-01",
                "date_end": "2026-10-31",
                "template_id": template.id,
            }
        )
        appraisal = self.env["ops.appraisal"].create(
            {"cycle_id": cycle.id, "employee_id": employee.id}
        )
        cycle.state = "published"
        appraisal.write({"state": "published", "calibrated_score": grade.min_score})
        appraisal.invalidate_recordset()
        self.assertEqual(appraisal.grade_id, grade)
        return appraisal

    def test_requirement_lower_than_lower_level_is_refused(self):
        self.require_skill(self.level_junior, self.expert)
        with self.assertRefused(ValidationError, "lower than Junior asks"):
            self.require_skill(self.level_middle, self.beginner)

    def test_grade_lower_than_lower_level_is_refused(self):
        self.level_junior.min_grade_id = self.grade_a
        form = Form(self.level_middle.with_user(self.user_hr))
        form.min_grade_id = self.grade_b
        with self.assertRefused(ValidationError, "requirements only grow"):
            form.save()

    def test_reordering_levels_is_checked_too(self):
        self.level_middle.min_grade_id = self.grade_b
        self.level_junior.min_grade_id = self.grade_b
        self.level_middle.min_grade_id = self.grade_a
        with self.assertRefused(ValidationError, "requirements only grow"):
            self.level_middle.sequence = 5

    def test_position_shows_what_the_next_level_asks(self):
        self.require_skill(self.level_middle, self.expert)
        self.level_middle.write(
            {
                "min_grade_id": self.grade_a.id,
                "programme_ids": [(4, self.programme.id)],
                "min_months": 24,
            }
        )
        with freeze_time("2026-12-01 12:00:00"):
            position = self.position(self.emp_employee, date_start="2026-01-01")
            self.assertEqual(position.next_level_id, self.level_middle)
            self.assertFalse(position.requirements_met)
            missing = position.missing_requirements
            for part in ("Premiere", "Appraisal grade", "Video Editing", "24 months"):
                self.assertIn(part, missing)

    def test_candidates_meet_requirements_and_have_priority(self):
        self.require_skill(self.level_middle, self.expert)
        self.level_middle.write({"min_grade_id": self.grade_a.id, "min_months": 12})
        position = self.position(self.emp_employee, date_start="2024-01-01")
        other = self.position(self.emp_outsider, date_start="2024-01-01")
        self.give_skill(self.emp_employee, self.expert)
        self.give_skill(self.emp_outsider, self.beginner)
        self.publish_appraisal(self.emp_employee, self.grade_a)
        self.publish_appraisal(self.emp_outsider, self.grade_a)
        with freeze_time("2026-12-01 12:00:00"):
            promotions = self.env["ops.career.position"]._ops_find_candidates()
            self.assertEqual(promotions.position_id, position)
            self.assertNotIn(other, promotions.position_id)
            # Once proposed, not twice.
            self.assertFalse(self.env["ops.career.position"]._ops_find_candidates())
            promotions.with_user(self.user_hr).action_promote()
        self.assertEqual(position.level_id, self.level_middle)
        self.assertEqual(str(position.date_start), "2026-12-01")
        self.assertEqual(promotions.from_level_id, self.level_junior)

    def test_promotion_without_requirements_needs_a_logged_override(self):
        self.require_skill(self.level_middle, self.expert)
        position = self.position(self.emp_employee)
        promotion = self.env["ops.career.promotion"].create(
            {"position_id": position.id, "to_level_id": self.level_middle.id}
        )
        promotion = promotion.with_user(self.user_hr)
        with self.assertRefused(UserError, "does not meet the requirements"):
            promotion.action_promote()
        self.assertEqual(position.level_id, self.level_junior)
        promotion.override = True
        with self.assertRefused(UserError, "reason"):
            promotion.action_promote()
        promotion.override_reason = "Leads the new studio"
        promotion.action_promote()
        self.assertEqual(position.level_id, self.level_middle)
        self.assertEqual(promotion.override_user_id, self.user_hr)
        log = promotion.message_ids.filtered(lambda m: "overridden" in (m.body or ""))
        self.assertIn("Leads the new studio", log.body)
        self.assertEqual(log.author_id, self.user_hr.partner_id)

    def test_only_hr_promotes(self):
        position = self.position(self.emp_employee)
        promotion = self.env["ops.career.promotion"].create(
            {"position_id": position.id, "to_level_id": self.level_middle.id}
        )
        with self.assertRefused(UserError, "HR promotes"):
            promotion.with_user(self.user_manager).sudo(False).action_promote()

    def test_promotion_must_go_up(self):
        position = self.position(self.emp_employee, level=self.level_middle)
        promotion = self.env["ops.career.promotion"].create(
            {"position_id": position.id, "to_level_id": self.level_junior.id}
        )
        with self.assertRefused(UserError, "is not above"):
            promotion.with_user(self.user_hr).action_promote()

    def test_level_of_another_track_is_refused(self):
        other_track = self.env["ops.career.track"].create({"name": "Tech", "kind": "technical"})
        level = self.env["ops.career.level"].create({"name": "Eng", "track_id": other_track.id})
        with self.assertRefused(ValidationError, "is not a level of"):
            self.position(self.emp_employee, level=level)
