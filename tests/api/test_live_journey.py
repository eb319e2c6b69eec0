"""The whole journey of a native app, through the HTTP API alone, against a live server (G1).

Signup by phone (the code read from the SMS the server sent), the
acknowledgment, the consent step and Skip, the popular list; later a grant,
answers, the personalized list with reasons and the switch; a withdrawal that
erases the answers; a copy of the data; the cancellation after a fresh code,
after which the number is gone from the database. Then the ledger verifies
and every decision the app made carries surface `app` and the notice version
it was shown.

`.ci/run` runs it twice: on SQLite with tasks in-process, as `make run` does,
and on PostgreSQL and Redis with a real Celery worker.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from tests.api import live

PHONE = "+8613800138000"
AUTH = "/_allauth/app/v1"
API = "/api/v1"

pytestmark = pytest.mark.live_api


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.integration),
    ]
)
def server(request, tmp_path) -> Iterator[live.LiveServer]:
    running = live.start(tmp_path, backend=request.param)
    yield running
    live.stop(running)
    # Shown by pytest only when the test failed: the server's and worker's logs.
    print(running.log_tail())


def _until(check, *, timeout: float = 30.0, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def test_the_whole_journey_through_the_api_alone(server):
    app = live.ApiClient(server.url)
    shown: dict[str, int] = {}

    # --- Signup by phone, with the policy shown first (A1, A3) ---
    config = app.get(f"{AUTH}/config").json()["data"]["account"]
    assert config["login_methods"] == ["phone"]
    assert config["login_by_code_enabled"]
    policy = app.get(f"{API}/notices/privacy-policy").json()
    shown["policy"] = policy["id"]
    signup = app.post(
        f"{AUTH}/auth/signup", {"phone": PHONE, "privacy_policy_read": True, "policy_version": policy["id"]}
    )
    assert signup.status == 401, signup.body
    assert app.token
    code = server.outbox.latest_code(PHONE, timeout=30)
    verified = app.post(f"{AUTH}/auth/phone/verify", {"code": code})
    assert verified.status == 200, verified.body
    assert verified.json()["meta"]["is_authenticated"]

    # --- The separate consent step, and Skip (B1-B5) ---
    assert app.get(f"{API}/next-step").json() == {"next": "consent_step", "consent_purpose": "profiling"}
    step = app.get(f"{API}/consent/profiling").json()
    assert step["equal_weight"] is True
    assert step["preselected"] is None
    assert [choice["value"] for choice in step["choices"]] == ["agree", "skip"]
    shown["profiling"] = step["notice"]["id"]
    skipped = app.post(f"{API}/consent/profiling", {"choice": "skip", "notice_version": shown["profiling"]})
    assert skipped.status == 201
    assert skipped.json()["record"]["decision"] == "declined"
    popular = app.get(f"{API}/recommendations").json()
    assert popular["label"] == "popular"
    assert popular["items"]
    # Skipping changes nothing else: every course is open (B8).
    first_course = app.get(f"{API}/courses").json()["results"][0]["slug"]
    assert app.put(f"{API}/courses/{first_course}/enrollment").json()["enrolled"] is True

    # --- Later: a grant in the privacy centre, answers, the personalized list (B6, B4, C1-C3) ---
    centre = {row["purpose"]["code"]: row for row in app.get(f"{API}/privacy-centre").json()["purposes"]}
    assert centre["profiling"]["notice"]["id"] == shown["profiling"]
    granted = app.post(f"{API}/privacy-centre/profiling/grant", {"notice_version": shown["profiling"]})
    assert granted.json()["granted"] is True
    questions = app.get(f"{API}/profile/questions").json()
    assert [q["field"] for q in questions["questions"]] == ["occupation", "learning_goal", "english_level"]
    assert app.post(f"{API}/profile/questions/occupation/skip").json()["next_question"] == "learning_goal"
    assert app.put(f"{API}/profile/answers/learning_goal", {"answer": "business"}).status == 200
    assert app.put(f"{API}/profile/answers/english_level", {"answer": "B1"}).status == 200
    personalized = app.get(f"{API}/recommendations").json()
    assert personalized["label"] == "personalized"
    assert all(item["reasons"] for item in personalized["items"])
    assert any("Business" in reason for item in personalized["items"] for reason in item["reasons"])

    # --- The switch (C2) ---
    assert app.put(f"{API}/recommendations/personalization", {"enabled": False}).json() == {"enabled": False}
    assert app.get(f"{API}/recommendations").json()["label"] == "popular"
    assert app.put(f"{API}/recommendations/personalization", {"enabled": True}).json() == {"enabled": True}
    assert app.get(f"{API}/recommendations").json()["label"] == "personalized"

    # --- Withdraw: the answers are erased (B7, D3, D5) ---
    withdrawn = app.post(f"{API}/privacy-centre/profiling/withdraw").json()
    assert withdrawn["decision"] == "withdrawn"
    _until(
        lambda: app.get(f"{API}/privacy-centre").json()["purposes"][1]["data_state"] == "deleted",
        what="the answers to be erased",
    )
    assert all(q["answer"] is None for q in app.get(f"{API}/profile/questions").json()["questions"])
    assert app.get(f"{API}/recommendations").json()["label"] == "popular"
    rejected = app.put(f"{API}/profile/answers/learning_goal", {"answer": "business"})
    assert (rejected.status, rejected.json()["code"]) == (403, "consent_required")

    # --- A copy of my data (D1) ---
    export = app.post(f"{API}/privacy-centre/exports").json()
    ready = _until(
        lambda: (lambda body: body if body["status"] == "ready" else None)(
            app.get(f"{API}/privacy-centre/exports/{export['id']}").json()
        ),
        what="the copy to be ready",
    )
    document = json.loads(app.get(ready["download_url"]).body)
    subject_id = document["subject_id"]
    assert document["categories"]["consent_records"]["data"]
    assert not document["categories"]["profile_answers"]["data"]

    history = app.get(f"{API}/privacy-centre/history").json()
    assert [(row["purpose"], row["decision"]) for row in reversed(history)] == [
        ("account", "acknowledged"),
        ("profiling", "declined"),
        ("profiling", "granted"),
        ("profiling", "withdrawn"),
    ]
    assert app.get(history[0]["receipt_url"]).json()["consentReceiptID"] == history[0]["id"]

    # --- Cancellation, after a fresh code (D4, F1: one SMS a minute per number) ---
    refused = app.post(f"{API}/privacy-centre/cancel-account")
    assert (refused.status, refused.json()["code"]) == (401, "reauthentication_required")
    server.outbox.wait_for_quota(PHONE)
    since = server.outbox.mark()
    assert app.post(f"{AUTH}/auth/reauthenticate/code/request", {"phone": PHONE}).status == 200
    fresh = server.outbox.latest_code(PHONE, since=since, timeout=30)
    assert app.post(f"{AUTH}/auth/reauthenticate/code/confirm", {"code": fresh}).status == 200
    cancelled = app.post(f"{API}/privacy-centre/cancel-account")
    assert cancelled.status == 202
    assert cancelled.json() == {"status": "cancelled", "erasure": "in_progress"}
    assert app.get(f"{API}/privacy-centre").status == 401

    # --- Afterwards, in the database ---
    national = PHONE.removeprefix("+86")

    def number_gone() -> bool:
        dump = server.manage("dumpdata", "--natural-foreign", "--exclude=contenttypes").stdout
        return national not in dump

    _until(number_gone, timeout=60, what="the number to be erased from every table")
    assert server.manage("verify_consent_ledger").returncode == 0
    records = server.query(
        "import json; from consent.models import ConsentRecord; "
        f"print(json.dumps(list(ConsentRecord.objects.filter(subject_id='{subject_id}').order_by('sequence')"
        ".values_list('purpose', 'decision', 'surface', 'notice_version_id'))))"
    )
    assert [tuple(record) for record in records] == [
        ("account", "acknowledged", "app", shown["policy"]),
        ("profiling", "declined", "app", shown["profiling"]),
        ("profiling", "granted", "app", shown["profiling"]),
        ("profiling", "withdrawn", "app", shown["profiling"]),
    ]
