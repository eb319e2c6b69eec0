"""`{% load consent_tags %}{% consent_granted "profiling" as granted %}` (A5, C1)."""

from django import template

from consent import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_granted(context, purpose: str) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return selectors.consent_is_granted(user=user, purpose=purpose)


@register.filter
def item(mapping, key):
    """`{{ row|item:key }}`: one value of an exported row on the Copy of my data page (D1)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
