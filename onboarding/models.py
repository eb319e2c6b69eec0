import contextlib
import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from onboarding.choices import EnglishLevel, LearningGoal, Occupation


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, phone: str, password: str | None = None, **extra_fields):
        from onboarding.phone import phone_normalize

        # Stored as signup stores it (E.164), whatever the format typed, so that
        # `createsuperuser` with "139 0009 9009" signs in with "+86 139..." too.
        user = self.model(phone=phone_normalize(phone), **extra_fields)
        if password:
            user.set_password(password)
        else:
            # Learners sign in by SMS code only; a password is never asked of them.
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username):
        # The admin's sign-in form: any usual format of the number finds the account.
        from django.core.exceptions import ValidationError

        from onboarding.phone import phone_normalize

        with contextlib.suppress(ValidationError):
            username = phone_normalize(username)
        return super().get_by_natural_key(username)

    def create_superuser(self, phone: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("phone_verified", True)
        return self.create_user(phone, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An account: a mobile number and nothing else (NEC art 5, REQUIREMENTS A1)."""

    class Origin(models.TextChoices):
        SIGNUP = "signup", _("Own signup")
        IMPORT = "import", _("Imported by an operator")
        ADMIN = "admin", _("Added by staff")

    phone = models.CharField(_("mobile number"), max_length=16, unique=True, null=True)
    phone_verified = models.BooleanField(_("phone verified"), default=False)
    # Records that must outlive the account (the consent ledger) point at this
    # random id, never at the phone number or the primary key.
    subject_id = models.UUIDField(
        _("pseudonymous subject id"), default=uuid.uuid4, unique=True, editable=False
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices, default=Origin.SIGNUP)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "phone"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("learner account")
        verbose_name_plural = _("learner accounts")

    def __str__(self) -> str:
        from onboarding.phone import phone_mask

        return phone_mask(self.phone) or str(self.subject_id)


class LearnerProfile(models.Model):
    """Optional answers used only to personalize recommendations (REQUIREMENTS B4, C5).

    Every answer is nullable: not answering is always possible, and a deleted
    answer is NULL in storage, not a hidden flag.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="learner_profile")
    occupation = models.CharField(
        _("occupation"), max_length=32, choices=Occupation.choices, null=True, blank=True
    )
    learning_goal = models.CharField(
        _("learning goal"), max_length=32, choices=LearningGoal.choices, null=True, blank=True
    )
    english_level = models.CharField(
        _("English level"), max_length=16, choices=EnglishLevel.choices, null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self) -> str:
        return f"profile of {self.user}"


class OutboundSms(models.Model):
    """An SMS waiting for the task that sends it.

    The task receives only this row's id, so phone numbers and codes never
    travel in task arguments (which brokers and workers log). The row is
    created inside the request's transaction: a rolled-back signup leaves no
    message to send. The task deletes it once sent.
    """

    to = models.CharField(max_length=16)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("outbound SMS")
        verbose_name_plural = _("outbound SMS")

    def __str__(self) -> str:
        from onboarding.phone import phone_mask

        return f"SMS to {phone_mask(self.to)}"
