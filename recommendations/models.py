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


class Specialisation(models.TextChoices):
    """What a specialised course is written for: one industry or one exam.

    "" is a general course. Which answers ask for a specialisation (so that it
    is not ranked after general courses) is decided in recommendations.rankers.
    """

    GENERAL = "", _("General")
    HEALTHCARE = "healthcare", _("Healthcare")
    HOSPITALITY = "hospitality", _("Hotels and restaurants")
    IT = "it", _("Software and IT")
    TEACHING = "teaching", _("Teaching")
    IELTS = "ielts", _("IELTS")
    TOEFL = "toefl", _("TOEFL")
    CET = "cet", _("CET-4/6")
    GAOKAO = "gaokao", _("Gaokao")


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
    # The level the course is pitched at, inside the range: the personalized
    # ranker measures fit as the distance from it, not as "inside the range".
    # Empty means the lowest level of the range (rows written before it existed).
    target_level = models.PositiveSmallIntegerField(
        _("target CEFR level"), choices=CefrLevel.choices, null=True, blank=True
    )
    specialisation = models.CharField(
        _("specialisation"), max_length=20, choices=Specialisation.choices, blank=True, default=""
    )
    # A few words on what the course offers for its goals, shown in the reason
    # "For your goal: ..." (ALG 16, REQUIREMENTS C3).
    focus_en = models.CharField(_("focus (English)"), max_length=120, blank=True, default="")
    focus_zh_hans = models.CharField(_("focus (Simplified Chinese)"), max_length=120, blank=True, default="")
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
            models.CheckConstraint(
                condition=models.Q(
                    level_min__lte=models.F("target_level"), level_max__gte=models.F("target_level")
                ),
                name="course_target_level_in_range",
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
    def target(self) -> int:
        return self.target_level or self.level_min

    @property
    def target_level_label(self) -> str:
        return CefrLevel(self.target).label

    @property
    def focus(self) -> str:
        return localized(en=self.focus_en, zh_hans=self.focus_zh_hans)

    @property
    def goal_codes(self) -> list[str]:
        return [code for code in self.goals.split(",") if code]

    @property
    def audience_codes(self) -> list[str]:
        return [code for code in self.audiences.split(",") if code]


class Enrollment(models.Model):
    """A learner taking a course: personal data, like the "order information"
    in the judgment. Exported and erased per learner (D1, D4) through
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


class Lesson(models.Model):
    """One lesson of a course's syllabus (4 to 8 per course), in both languages.

    Part of the public catalog, like Course: not personal data.
    """

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveSmallIntegerField(_("position"))
    title_en = models.CharField(_("title (English)"), max_length=160)
    title_zh_hans = models.CharField(_("title (Simplified Chinese)"), max_length=160)
    # Paragraphs separated by a blank line.
    body_en = models.TextField(_("content (English)"))
    body_zh_hans = models.TextField(_("content (Simplified Chinese)"))

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["course", "position"]
        constraints = [
            models.UniqueConstraint(fields=["course", "position"], name="lesson_position_unique_per_course"),
            models.CheckConstraint(condition=models.Q(position__gte=1), name="lesson_position_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.course.slug} #{self.position}: {self.title_en}"

    def get_absolute_url(self) -> str:
        return reverse("recommendations:lesson_detail", args=[self.course.slug, self.position])

    @property
    def title(self) -> str:
        return localized(en=self.title_en, zh_hans=self.title_zh_hans)

    @property
    def paragraphs(self) -> list[str]:
        body = localized(en=self.body_en, zh_hans=self.body_zh_hans)
        return [paragraph.strip() for paragraph in body.split("\n\n") if paragraph.strip()]


class LessonProgress(models.Model):
    """A lesson a learner marked as done: personal data on the contract basis.

    Necessary for the service the learner chose (PIPL 13(1)2): without it
    "My courses" cannot say where they stopped. It hangs off the enrollment, so
    leaving a course erases it; it is exported and erased with the account
    (D1, D4) and is never read by the rankers (C5: the profile, under consent,
    is the only input of personalization).
    """

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(_("done"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson"], name="lesson_progress_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} ✓ {self.lesson.position}"


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
