"""View decorator on top of consent.selectors.consent_is_granted."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect

from consent import purposes, selectors


def consent_required(purpose: str):
    """Run the view only with a current grant for `purpose`; otherwise ask on the consent screen.

    Nothing optional is processed without the matching consent (A5): a view
    that reads or writes profile answers is wrapped in this, and people
    without a grant are sent to the screen where they can agree or skip.
    """
    purposes.get_purpose(purpose)  # a typo fails at import time, not on a request

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not selectors.consent_is_granted(user=request.user, purpose=purpose):
                return redirect("consent:screen", purpose)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
