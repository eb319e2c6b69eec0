from celery import shared_task
from django.db import InterfaceError, OperationalError

from onboarding import selectors, services


@shared_task(
    bind=True,
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
)
def send_sms_task(self, sms_id: int) -> bool:
    return services.sms_deliver(sms_id=sms_id)


@shared_task(
    bind=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
)
def delete_profile_answers_task(self, user_id: int) -> bool:
    """Erase a learner's answers after profiling consent was withdrawn (D3).

    Returns False when the account is already gone (erased with everything else).
    """
    user = selectors.user_get(user_id=user_id)
    if user is None:
        return False
    services.learner_profile_delete_answers(user=user)
    return True
