"""What every API view shares: the token session handling and the response helpers."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework.views import APIView

from api import serializers as s


class ApiView(APIView):
    """A DRF view whose app session (X-Session-Token) never leaks into a cookie.

    SessionTokenAuthentication makes the token's session current while the
    view runs; here the request's own (empty) session is put back afterwards,
    and the token's session saved if the view changed it.
    """

    def dispatch(self, request, *args, **kwargs):
        own_session = getattr(request, "session", None)
        own_user = getattr(request, "user", None)
        try:
            return super().dispatch(request, *args, **kwargs)
        finally:
            token_session = getattr(request, "session", None)
            if token_session is not own_session:
                if token_session.modified and not token_session.is_empty():
                    token_session.save()
                request.session = own_session
                request.user = own_user


def problem(description: str, serializer=s.ProblemSerializer) -> OpenApiResponse:
    return OpenApiResponse(response=serializer, description=description)


# The refusals most endpoints share, for the schema.
SIGNED_IN_ERRORS = {
    401: problem("not_authenticated or invalid_session_token"),
    403: problem("acknowledgment_required: acknowledge the current privacy policy first"),
    429: problem("rate_limited"),
}
WRITE_ERRORS = {**SIGNED_IN_ERRORS, 400: problem("validation_error, with field errors")}
