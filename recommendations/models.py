from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CefrLevel(models.IntegerChoices):
    """CEFR levels as numbers, so a course's range is two comparable integers.

    The codes ("A1" ... "C2") are the ones the learner picks in
    onboarding.choices.EnglishLevel; recommendations.rankers maps one to the other.
    """

    A1 = 1, "A1"
    A2 = 2, "A2"
    B1 = 3, "B1"
    B2 = 4, "B2"
    C1 = 5, "C1"
    C2 = 6, "C2"


def localized(*, en: str, zh_hans: str) -> str:
    """The Simplified Chinese text when that is the active language and it exists."""
    if (get_language() or "").lower().startswith("zh") and zh_hans:
        return zh_hans
    return en


class Course(models.Model):
    """A course in the public catalog.

    `goals` and `audiences` hold codes of onboarding.choices.LearningGoal and
    Occupation wrapped in commas (",business,travel,"), so the personalized
    ranker can test a match with a plain `contains` lookup on SQLite and
    PostgreSQL alike and score the whole catalog in one query.
    """

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=160)
    title_zh_hans = models.CharField(_("title (Simplified Chinese)"), max_length=160)
    summary_en = models.TextField(_("summary (English)"))
    summary_zh_hans = models.TextField(_("summary (Simplified Chinese)"))
    level_min = models.PositiveSmallIntegerField(_("lowest CEFR level"), choices=CefrLevel.choices)
    level_max = models.PositiveSmallIntegerField(_("highest CEFR level"), choices=CefrLevel.choices)
    goals = models.CharField(_("learning goals"), max_length=200, blank=True, default="")
    audiences = models.CharField(_("audiences"), max_length=200, blank=True, default="")
    featured = models.BooleanField(_("featured"), default=False)
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level_min__lte=models.F("level_max")),
                name="course_level_range_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["level_min", "level_max", "slug"], name="course_catalog_order"),
        ]

    def __str__(self) -> str:
        return self.title_en

    def get_absolute_url(self) -> str:
        return reverse("recommendations:course_detail", args=[self.slug])

    @property
    def title(self) -> str:
        return localized(en=self.title_en, zh_hans=self.title_zh_hans)

    @property
    def summary(self) -> str:
        return localized(en=self.summary_en, zh_hans=self.summary_zh_hans)

    @property
    def level_range(self) -> str:
        low, high = CefrLevel(self.level_min).label, CefrLevel(self.level_max).label
        return low if low == high else f"{low}–{high}"

    @property
    def goal_codes(self) -> list[str]:
        return [code for code in self.goals.split(",") if code]

    @property
    def audience_codes(self) -> list[str]:
        return [code for code in self.audiences.split(",") if code]


class Enrollment(models.Model):
    """A learner taking a course: personal data, like the "order information"
    in the judgment. Exported and erased per learner (issue 6) through
    recommendations.selectors.personal_data_for_user and
    recommendations.services.personal_data_erase.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrollments")
    created_at = models.DateTimeField(_("enrolled"), default=timezone.now)

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrollment_unique_per_learner"),
        ]
        # Popularity counts recent enrollments per course (the non-personalized ranking).
        indexes = [models.Index(fields=["created_at", "course"], name="enrollment_recent")]

    def __str__(self) -> str:
        return f"{self.user} → {self.course}"


class PersonalizationPreference(models.Model):
    """A learner's own settings for the recommendation section.

    `enabled` is the one-click switch (ALG 17, REQUIREMENTS C2). It is a
    preference, not a consent decision: turning it off does not withdraw
    consent and writes nothing to the consent ledger. No row means the defaults.
    `invitation_dismissed_version` remembers that the invitation to personalize
    was dismissed for that version of the profiling notice (REQUIREMENTS B5).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personalization_preference"
    )
    enabled = models.BooleanField(_("personalized recommendations"), default=True)
    invitation_dismissed_version = models.CharField(
        _("invitation dismissed for notice version"), max_length=64, blank=True, default=""
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("personalization preference")
        verbose_name_plural = _("personalization preferences")

    def __str__(self) -> str:
        return f"{self.user}: {'on' if self.enabled else 'off'}"
