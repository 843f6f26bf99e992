"""Every template's ground truth agrees with what a check in the space finds: a planted case
hits its record there, a clean traveller hits nothing. SQLite only: the storage is the
same on both backends (test_isolation runs there too), this is about the exercises."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.domain.training import CaseType
from frontline.domain.users import Principal, Role
from frontline.services import Services
from frontline.training.exercises import TEMPLATES
from tests.training.common import TRAINER, check_body

TRAINEE = Principal(904, "cleo", Role.OFFICER, "FRA")


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'frontline.db'}"


def test_each_templates_cases_are_found_in_the_space_as_their_ground_truth_says(
    services: Services,
) -> None:
    training = services.training
    space = training.create_space(principal=TRAINER, name="all-templates", size=1000, seed=21)
    for template in TEMPLATES:
        exercise = training.create_exercise(
            principal=TRAINER, space=space.name, template=template, trainees=["cleo"]
        )
        for case in exercise.cases:
            result = training.check_case(
                principal=TRAINEE,
                exercise_id=exercise.id,
                number=case.number,
                raw=check_body(case.presented),
            )
            found = {hit["record_id"] for hit in result["hits"]}
            if case.record_id is not None:
                assert case.record_id in found, (template, case)
            elif case.case_type is CaseType.MRZ_CHECK_DIGIT:
                assert "mrz_check_digit" in {w["code"] for w in result["warnings"]}
            else:
                assert result["verdict"] == "no_hit", (template, case)
