import factory
from django.contrib.auth.hashers import make_password

from onboarding.models import User


class UserFactory(factory.django.DjangoModelFactory):
    """A learner as signup leaves one: a verified number and no usable password."""

    class Meta:
        model = User

    phone = factory.Sequence(lambda n: f"+86139{n:08d}")
    phone_verified = True
    # Stored with the row, so force_login's session hash matches it.
    password = factory.LazyFunction(lambda: make_password(None))


LearnerFactory = UserFactory


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    """A profile row with no answers unless given (every answer is optional)."""

    class Meta:
        model = "onboarding.LearnerProfile"

    user = factory.SubFactory(LearnerFactory)


class CourseFactory(factory.django.DjangoModelFactory):
    """A published course; goals and audiences are comma-wrapped codes (see Course)."""

    class Meta:
        model = "recommendations.Course"

    slug = factory.Sequence(lambda n: f"course-{n:05d}")
    title_en = factory.Sequence(lambda n: f"Course {n}")
    title_zh_hans = factory.Sequence(lambda n: f"课程 {n}")
    summary_en = "A course for tests."
    summary_zh_hans = "用于测试的课程。"
    level_min = 1
    level_max = 6
    goals = ""
    audiences = ""
    featured = False
    published = True


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "recommendations.Enrollment"

    user = factory.SubFactory(UserFactory)
    course = factory.SubFactory(CourseFactory)


def _in_seven_days():
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() + timedelta(days=7)


class DataExportFactory(factory.django.DjangoModelFactory):
    """A copy of my data, ready to download and not yet expired unless told otherwise."""

    class Meta:
        model = "consent.DataExport"

    user = factory.SubFactory(UserFactory)
    status = "ready"
    progress = 100
    content = '{"schema_version": "1.0"}'
    expires_at = factory.LazyFunction(_in_seven_days)


class OutboundSmsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "onboarding.OutboundSms"

    to = factory.Sequence(lambda n: f"+86137{n:08d}")
    body = "A message for tests."
