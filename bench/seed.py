"""Seed the benchmark database: courses, learners, enrollments, personalized sessions.

Run by bench/run.py with the benchmark's environment (DATABASE_URL pointing
at learnright_bench). Never point it at a real database: it creates 10,000
fake accounts.

    python bench/seed.py --courses 1000 --sessions var/bench/sessions.json
    python bench/seed.py --courses 100000 --sessions var/bench/sessions.json

Learners and enrollments are created once, in bulk (a seeding tool, not app
code). Consent decisions and profile answers go through consent.services and
onboarding.services, so the consent ledger's hash chain stays valid.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from consent import services as consent_services  # noqa: E402
from onboarding import services as onboarding_services  # noqa: E402
from onboarding.choices import EnglishLevel, LearningGoal, Occupation  # noqa: E402
from recommendations import rankers, services  # noqa: E402
from recommendations.models import Course, Enrollment  # noqa: E402

PHONE_PREFIX = "+86170"
rng = random.Random(2022_04_25)  # noqa: S311 - benchmark data, not security


def ensure_courses(total: int) -> None:
    call_command("load_demo_catalog", verbosity=0)
    missing = total - Course.objects.count()
    if missing > 0:
        started = time.perf_counter()
        services.catalog_add_synthetic(count=missing)
        print(f"  added {missing} synthetic courses in {time.perf_counter() - started:.1f}s")
    print(f"  catalog: {Course.objects.count()} courses")


def ensure_learners(count: int) -> list[int]:
    User = get_user_model()
    existing = User.objects.filter(phone__startswith=PHONE_PREFIX).count()
    if existing < count:
        User.objects.bulk_create(
            [
                User(phone=f"{PHONE_PREFIX}{n:08d}", phone_verified=True, password=make_password(None))
                for n in range(existing, count)
            ],
            batch_size=2000,
        )
    ids = list(
        User.objects.filter(phone__startswith=PHONE_PREFIX).order_by("id").values_list("id", flat=True)
    )
    print(f"  learners: {len(ids)}")
    return ids


def add_enrollments(learner_ids: list[int], *, per_learner: tuple[int, int]) -> None:
    """Enrollments over the last 60 days, skewed so a few courses are popular."""
    course_ids = list(Course.objects.order_by("id").values_list("id", flat=True))
    now = timezone.now()
    rows = []
    for user_id in learner_ids:
        for _ in range(rng.randint(*per_learner)):
            course_id = course_ids[int(len(course_ids) * rng.random() ** 3)]
            rows.append(
                Enrollment(
                    user_id=user_id,
                    course_id=course_id,
                    created_at=now - timedelta(seconds=rng.randint(0, 60 * 24 * 3600)),
                )
            )
    Enrollment.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    print(f"  enrollments: {Enrollment.objects.count()}")


def signed_in_session(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend a sign-in by SMS code records. Not AUTHENTICATION_BACKENDS[0]:
    # that is django-axes' lockout check, which loads no user, so every
    # "signed-in" request would have been anonymous (and counted as failed).
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def ensure_sessions(learner_ids: list[int], count: int, path: Path) -> None:
    """Signed-in session cookies for two groups of `count` learners.

    "personalized": policy acknowledged, profiling consent granted, all three
    answers (cycling through every combination). "declined": policy
    acknowledged, profiling consent declined: signed in, non-personalized.
    """
    from consent import selectors as consent_selectors

    User = get_user_model()
    combos = [
        {"english_level": level, "learning_goal": goal, "occupation": occupation}
        for level in EnglishLevel.values
        if level != EnglishLevel.NOT_SURE
        for goal in LearningGoal.values
        for occupation in Occupation.values
    ]
    personalized, declined = [], []
    users = User.objects.filter(pk__in=learner_ids[: 2 * count]).order_by("id")
    for index, user in enumerate(users):
        with transaction.atomic():
            if consent_selectors.consent_current_decision(user=user, purpose="profiling") is None:
                consent_services.policy_acknowledge(user=user, surface="bench")
                if index < count:
                    consent_services.consent_grant(user=user, purpose="profiling", surface="bench")
                    for field, value in combos[index % len(combos)].items():
                        onboarding_services.learner_profile_set_answer(user=user, field=field, value=value)
                else:
                    consent_services.consent_decline(user=user, purpose="profiling", surface="bench")
        (personalized if index < count else declined).append(signed_in_session(user))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {"cookie_name": settings.SESSION_COOKIE_NAME, "personalized": personalized, "declined": declined}
        )
    )
    print(f"  signed-in sessions: {len(personalized)} personalized, {len(declined)} declined")


def time_rankers() -> dict[str, float]:
    """Cold-cache cost of each ranker (what a cache miss costs), median of 5."""
    answers = {"english_level": "B1", "learning_goal": "exam_preparation", "occupation": "university_student"}
    timings = {}
    for name, run in (
        ("rank_popular_ms", lambda: rankers.rank_popular(limit=12)),
        ("rank_personalized_ms", lambda: rankers.rank_personalized(answers=answers, limit=12)),
    ):
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            run()
            samples.append((time.perf_counter() - started) * 1000)
        timings[name] = round(sorted(samples)[2], 1)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--courses", type=int, required=True)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--personalized", type=int, default=300)
    parser.add_argument("--sessions", type=Path, required=True)
    parser.add_argument("--timings", type=Path, required=True)
    args = parser.parse_args()

    if not settings.DATABASES["default"]["NAME"].endswith("_bench"):
        sys.exit("Refusing to seed a database whose name does not end in _bench.")
    first_run = not Course.objects.exists()
    ensure_courses(args.courses)
    learner_ids = ensure_learners(args.learners)
    # First phase: 1-9 enrollments each; later phases add one more each, over
    # the whole (larger) catalog.
    add_enrollments(learner_ids, per_learner=(1, 9) if first_run else (1, 1))
    ensure_sessions(learner_ids, args.personalized, args.sessions)
    cache.clear()
    timings = time_rankers()
    args.timings.write_text(json.dumps(timings))
    print(f"  cold ranking: {timings}")


if __name__ == "__main__":
    main()
