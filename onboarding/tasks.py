from celery import shared_task

from onboarding import services


@shared_task(
    bind=True,
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
)
def send_sms_task(self, sms_id: int) -> bool:
    return services.sms_deliver(sms_id=sms_id)
