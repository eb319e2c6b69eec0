"""Reactions to other apps' signals: they only enqueue work."""

from django.db import transaction

from onboarding.services import PROFILING_PURPOSE


def profile_answers_erase_on_withdrawal(sender, user, purpose: str, **kwargs) -> None:
    """Withdrawing profiling consent deletes the answers, not only hides them (D3, PIPL 47(1)(3)).

    Recommendations stop using them on the next request because the grant no
    longer counts; the erasure itself runs in a task once the withdrawal has
    committed, so a rolled-back withdrawal deletes nothing.
    """
    if purpose != PROFILING_PURPOSE:
        return
    from onboarding.tasks import delete_profile_answers_task

    user_id = user.pk
    transaction.on_commit(lambda: delete_profile_answers_task.delay(user_id))
