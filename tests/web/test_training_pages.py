"""/training: a trainer makes a space and a border-queue exercise, trainees check and decide
in it as officers do, the trainer reads and exports the scores; every page says training."""

from __future__ import annotations

import csv
import io

import httpx

from tests.web.conftest import Browser, Console

BANNER = 'id="training-banner"'


def _training_page(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    assert response.headers["x-frontline-training"] == "true"
    assert BANNER in response.text
    return response.text


def _exercise(console: Console, trainer: Browser, travellers: str = "20") -> str:
    console.user("officer", "FRA")
    console.user("bureau", "DEU")
    _training_page(trainer.get("/training"))
    space = {"name": "class-b", "size": "1000", "country": "FRA"}
    made = trainer.post("/training/spaces", space, follow_redirects=False)
    assert made.status_code == 303
    _training_page(trainer.get(made.headers["location"]))
    sent = trainer.post(
        "/training/spaces/class-b/exercises",
        {
            "template": "border-queue",
            "travellers": travellers,
            "trainees": "officer-fra, bureau-deu",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    return str(sent.headers["location"]).rsplit("/", 1)[1]


def test_a_class_works_a_border_queue_and_the_trainer_reads_and_exports_the_scores(
    console: Console,
) -> None:
    trainer = console.browser("trainer")
    exercise_id = _exercise(console, trainer)
    officer = console.browser("officer")
    assert exercise_id in _training_page(officer.get("/training"))
    queue = _training_page(officer.get(f"/training/exercises/{exercise_id}"))
    assert queue.count("Traveller ") >= 20
    assert "Scores" not in queue

    twin = officer.get(f"/training/exercises/{exercise_id}/cases/1.json").json()
    assert twin["training"] is True
    assert "expected" not in twin["case"]  # no ground truth before the decision
    case = f"/training/exercises/{exercise_id}/cases/1"
    _training_page(officer.get(case))
    checked = officer.post(f"{case}/check", {"mrz": "\n".join(twin["case"]["presented"]["mrz"])})
    assert 'id="verdict"' in _training_page(checked)
    decision = {"decision": "release", "verdict": "no_hit"}
    decided = officer.post(f"{case}/decision", decision, follow_redirects=False)
    assert decided.status_code == 303
    after = _training_page(officer.get(case))
    assert 'id="outcome"' in after
    again = officer.post(f"{case}/decision", {"decision": "seize_document"})
    assert again.status_code == 409
    assert officer.get(f"/training/exercises/{exercise_id}/scores.csv").status_code == 403
    progress = officer.get(f"/training/exercises/{exercise_id}.json").json()
    assert progress["mine"]["decided"] == 1
    assert progress["scores"] is None

    scores = trainer.get(f"/training/exercises/{exercise_id}.json").json()["scores"]
    by_name = {line["trainee"]: line for line in scores}
    assert by_name["officer-fra"]["decided"] == 1
    assert by_name["bureau-deu"]["decided"] == 0
    exported = trainer.get(f"/training/exercises/{exercise_id}/scores.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    total = next(r for r in rows if r["trainee"] == "officer-fra" and r["case_type"] == "all")
    assert total["decided"] == "1"
    assert total["cases"] == "20"


def test_who_may_open_training_pages(console: Console) -> None:
    trainer = console.browser("trainer")
    exercise_id = _exercise(console, trainer, travellers="5")
    outsider = console.browser("coordinator")
    refused = outsider.get(f"/training/exercises/{exercise_id}")
    assert refused.status_code == 403
    assert BANNER in refused.text  # an error page in training says training too
    assert refused.headers["x-frontline-training"] == "true"
    assert console.browser(None).get("/training.json").headers["x-frontline-training"] == "true"
    assert outsider.post("/training/spaces", {"name": "mine"}).status_code == 403
    assert console.browser("officer").get("/training/spaces/class-b").status_code == 403
    bad = trainer.post("/training/spaces", {"name": "Not A Name"})
    assert bad.status_code == 422
    assert trainer.post(f"/training/exercises/{exercise_id}/cases/99/check", {}).status_code == 404


def test_a_course_records_who_completed_which_exercise(console: Console) -> None:
    trainer = console.browser("trainer")
    _training_page(trainer.get("/training/courses"))
    made = trainer.post(
        "/training/courses",
        {
            "topic": "Document fraud awareness",
            "place": "Lyon",
            "starts_on": "2026-11-20",
            "ends_on": "2026-11-22",
            "trainees": "officer-fra",
        },
        follow_redirects=False,
    )
    assert made.status_code == 303
    record = trainer.get(made.headers["location"] + ".json").json()
    assert record["training"] is True
    assert record["course"]["trainees"] == ["officer-fra"]
    assert record["exercises"] == []
