"""What the onboarding app holds about a person, for the copy of my data and erasure (D1, D4, E4).

Discovered by the consent app at startup (consent.registry); every model here
that points at the user model is covered, or the system check consent.E003 fails.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.registry import PersonalDataCategory, register
from onboarding import selectors, services
from onboarding.models import LearnerProfile, OutboundSms, User

# Design: a signup whose number is never verified is deleted after 7 days (E4,
# listed in the privacy policy). Only the person's own signups: an account
# imported or added by staff is unverified by design until its first sign-in
# (A2) and is not a failed signup.
UNVERIFIED_SIGNUP_RETENTION = timedelta(days=7)
# Design: an account an operator created (CSV import, admin) that nobody ever
# signs in to is erased after 90 days (A7, E4; PIPL 19 and 47(1)(1): once the
# institution's course no longer needs it, the purpose is gone). The period is
# stated in the privacy policy; the retention job applies it.
OPERATOR_CREATED_ACCOUNT_RETENTION = timedelta(days=90)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def account_export(user: User) -> dict:
    return {
        "mobile_number": user.phone,
        "mobile_number_verified": user.phone_verified,
        "subject_id": str(user.subject_id),
        "origin": user.origin,
        "origin_label": str(user.get_origin_display()),
        "active": user.is_active,
        "date_joined": _iso(user.date_joined),
        "last_sign_in": _iso(user.last_login),
    }


def unverified_signups_expired(now) -> list[User]:
    return list(
        User.objects.filter(
            origin=User.Origin.SIGNUP,
            phone_verified=False,
            is_staff=False,
            date_joined__lt=now - UNVERIFIED_SIGNUP_RETENTION,
        )
    )


def operator_created_accounts_expired(now) -> list[User]:
    """Imported or staff-added accounts never signed in to within the period (A7)."""
    return list(
        User.objects.filter(
            origin__in=[User.Origin.IMPORT, User.Origin.ADMIN],
            last_login__isnull=True,
            is_staff=False,
            date_joined__lt=now - OPERATOR_CREATED_ACCOUNT_RETENTION,
        )
    )


def accounts_expired(now) -> list[User]:
    """Every whole account past its retention: failed signups and unused operator-created ones (E4, A7)."""
    return unverified_signups_expired(now) + operator_created_accounts_expired(now)


def profile_answers_export(user: User) -> list[dict]:
    return [
        {
            "question": tag.field,
            "question_label": tag.field_label,
            "answer": tag.value,
            "answer_label": tag.value_label,
        }
        for tag in selectors.learner_profile_tags(user=user)
    ]


def outbound_sms_export(user: User) -> list[dict]:
    # The text is left out on purpose: a queued message may hold a live
    # sign-in code, which must not end up in a downloadable file.
    if not user.phone:
        return []
    return [
        {"to": message.to, "queued_at": _iso(message.created_at)}
        for message in OutboundSms.objects.filter(to=user.phone).order_by("created_at")
    ]


def sessions_export(user: User) -> list[dict]:
    user_key = str(user.pk)
    return [
        {"expires": _iso(session.expire_date)}
        for session in Session.objects.filter(expire_date__gt=timezone.now()).order_by("expire_date")
        if str(session.get_decoded().get("_auth_user_id")) == user_key
    ]


def sessions_purge_expired(now) -> int:
    """What `manage.py clearsessions` does, on the retention schedule (E4)."""
    from importlib import import_module

    from django.conf import settings

    expired = Session.objects.filter(expire_date__lt=now).count()
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return expired


register(
    PersonalDataCategory(
        key="outbound_sms",
        label=_("Text messages waiting to be sent"),
        description=_("Messages to your number that are queued; each is deleted as soon as it is sent."),
        models=(OutboundSms,),
        export=outbound_sms_export,
        erase=lambda user: services.outbound_sms_erase(phone=user.phone),
        # Before the account drops the number (order 900 < 1000).
        on_cancel=lambda user: services.outbound_sms_erase(phone=user.phone),
        field_labels={"to": _("To"), "queued_at": _("Queued")},
        on_erasure=_("Deleted at once."),
        order=900,
        purge_expired=lambda now: services.outbound_sms_purge_expired(now=now),
        retention=_("Deleted once sent; anything still queued after 1 day is deleted."),
    )
)

register(
    PersonalDataCategory(
        key="profile_answers",
        label=_("Your profile answers"),
        description=_("Occupation, learning goal and English level, if you chose to answer."),
        models=(LearnerProfile,),
        export=profile_answers_export,
        erase=lambda user: services.learner_profile_delete_answers(user=user),
        field_labels={
            "question": _("Question (code)"),
            "question_label": _("Question"),
            "answer": _("Answer (code)"),
            "answer_label": _("Answer"),
        },
        on_erasure=_("Erased."),
        order=100,
        retention=_("Until you delete an answer, withdraw your consent or cancel your account."),
        purpose=services.PROFILING_PURPOSE,
    )
)

register(
    PersonalDataCategory(
        key="sessions",
        label=_("Signed-in sessions"),
        description=_("Browsers where you are signed in; each session ends at sign-out or after 2 weeks."),
        models=(),
        export=sessions_export,
        erase=lambda user: services.user_sessions_erase(user=user),
        field_labels={"expires": _("Expires")},
        on_erasure=_("Ended at once, then deleted."),
        order=950,
        purge_expired=sessions_purge_expired,
        retention=_("Until you sign out, at most 2 weeks."),
    )
)

register(
    PersonalDataCategory(
        key="account",
        label=_("Your account"),
        description=_("Your mobile number and the dates of your account."),
        models=(User,),
        export=account_export,
        erase=lambda user: services.user_erase(user=user),
        on_cancel=lambda user: services.user_deactivate_for_cancellation(user=user),
        field_labels={
            "mobile_number": _("Mobile number"),
            "mobile_number_verified": _("Mobile number verified"),
            "subject_id": _("Pseudonymous id"),
            "origin": _("How the account was created (code)"),
            "origin_label": _("How the account was created"),
            "active": _("Active"),
            "date_joined": _("Signed up"),
            "last_sign_in": _("Last sign-in"),
        },
        on_erasure=_("Signed out and deactivated at once, your number freed; then the account is erased."),
        # The account row goes last: everything else is found through it.
        order=1000,
        expired_accounts=accounts_expired,
        retention=_(
            "While you have an account; a signup never verified is deleted after 7 days, and an account "
            "created for you by an operator that is never signed in to is deleted after 90 days."
        ),
    )
)
