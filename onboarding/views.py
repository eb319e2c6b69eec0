from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from onboarding import selectors


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = selectors.dependencies_health(connection=connection, redis_url=settings.REDIS_URL)
    healthy = all(ok for ok in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {k: "ok" if v else "failed" for k, v in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)
