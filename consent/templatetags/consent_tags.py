"""`{% load consent_tags %}{% consent_granted "profiling" as granted %}` (A5, C1)."""

from django import template

from consent import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_granted(context, purpose: str) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return selectors.consent_is_granted(user=user, purpose=purpose)
