from django.contrib.auth import get_user_model

from consent.registry import PersonalDataCategory, register

User = get_user_model()


def account_export(user) -> dict:
    return {
        "username": user.username,
        "email": user.email,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def account_erase(user) -> None:
    # Idempotent: erasure may run twice after a crash.
    User.objects.filter(pk=user.pk).delete()


register(
    PersonalDataCategory(
        key="account",
        label="Your account",
        description="Your user name, email address and when you signed up and last signed in.",
        models=(User,),
        export=account_export,
        erase=account_erase,
        on_erasure="Erased.",
        # The account itself goes last, after everything that points at it.
        order=1000,
    )
)
