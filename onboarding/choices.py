"""The curated answers of the optional profile questions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Occupation(models.TextChoices):
    SCHOOL_STUDENT = "school_student", _("School student (14+)")
    UNIVERSITY_STUDENT = "university_student", _("University student")
    WORKING_PROFESSIONAL = "working_professional", _("Working professional")
    TEACHER = "teacher", _("Teacher")
    OTHER = "other", _("Other")


class LearningGoal(models.TextChoices):
    EXAM_PREPARATION = "exam_preparation", _("Exam preparation (IELTS/TOEFL/CET)")
    BUSINESS = "business", _("Business communication")
    TRAVEL = "travel", _("Travel")
    CONVERSATION = "conversation", _("Everyday conversation")
    ACADEMIC = "academic", _("Academic study")


class EnglishLevel(models.TextChoices):
    A1 = "A1", _("A1 Beginner")
    A2 = "A2", _("A2 Elementary")
    B1 = "B1", _("B1 Intermediate")
    B2 = "B2", _("B2 Upper intermediate")
    C1 = "C1", _("C1 Advanced")
    C2 = "C2", _("C2 Proficient")
    NOT_SURE = "not_sure", _("Not sure")
