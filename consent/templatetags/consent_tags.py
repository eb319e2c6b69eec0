"""`{% load consent_tags %}{% consent_granted "profiling" as granted %}` (A5, C1)."""

from datetime import datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

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


@register.filter
def readable(value):
    """A value of the Copy of my data page as a person reads it: local time, yes or no (D1)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "DATETIME_FORMAT")
    return value
