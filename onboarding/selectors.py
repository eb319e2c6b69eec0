"""Reads of onboarding data. Other apps use these, not the models."""

from __future__ import annotations

from onboarding.models import User


def user_get_by_phone(*, phone: str) -> User | None:
    return User.objects.filter(phone=phone).first()


def dependencies_health(*, connection, redis_url: str) -> dict[str, bool]:
    """Whether each backing service answers, for /healthz."""
    checks: dict[str, bool] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            checks["database"] = cursor.fetchone()[0] == 1
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        checks["database"] = False
    if redis_url:
        import redis

        try:
            client = redis.Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=1)
            checks["redis"] = bool(client.ping())
        except Exception:  # noqa: BLE001
            checks["redis"] = False
    return checks


PROFILE_ANSWER_FIELDS = ("occupation", "learning_goal", "english_level")


def learner_profile_answers(*, user) -> dict[str, str]:
    """The answers a learner gave, keyed by field; unanswered fields are absent.

    The only way other apps read the profile (REQUIREMENTS C5: recommendations
    are its one use).
    """
    if not getattr(user, "is_authenticated", False):
        return {}
    from onboarding.models import LearnerProfile

    row = LearnerProfile.objects.filter(user=user).values(*PROFILE_ANSWER_FIELDS).first()
    if row is None:
        return {}
    return {field: value for field, value in row.items() if value}
