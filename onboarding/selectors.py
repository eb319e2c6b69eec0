"""Reads of onboarding data. Other apps use these, not the models."""

from __future__ import annotations

from dataclasses import dataclass

from onboarding.models import User


def sms_seconds_until_next_code(*, phone: str | None) -> int:
    """Seconds before another code may be sent to `phone` (REQUIREMENTS F1); 0 if now."""
    import math
    import time

    from django.core.cache import cache

    from onboarding.services import SMS_RESEND_SECONDS, sms_last_sent_cache_key

    if not phone:
        return 0
    sent_at = cache.get(sms_last_sent_cache_key(phone))
    if sent_at is None:
        return 0
    return max(0, math.ceil(SMS_RESEND_SECONDS - (time.time() - sent_at)))


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


@dataclass(frozen=True)
class ProfileTag:
    """One answer as the learner sees it on the profile page (C4)."""

    field: str
    field_label: str
    value: str
    value_label: str


def learner_profile_tags(*, user) -> list[ProfileTag]:
    """Every stored answer, in question order, with its readable labels.

    These are exactly the tags recommendations may use: nothing else about a
    learner feeds them (C4, C5).
    """
    from onboarding.models import LearnerProfile

    answers = learner_profile_answers(user=user)
    tags = []
    for field in PROFILE_ANSWER_FIELDS:
        if field not in answers:
            continue
        model_field = LearnerProfile._meta.get_field(field)
        value = answers[field]
        tags.append(
            ProfileTag(
                field=field,
                field_label=str(model_field.verbose_name),
                value=value,
                value_label=str(dict(model_field.choices).get(value, value)),
            )
        )
    return tags


def user_get(*, user_id: int) -> User | None:
    return User.objects.filter(pk=user_id).first()
