from django.conf import settings

from training.tour import tour_note_for


def compliance_tour(request) -> dict:
    """The side note for the current screen, when the tour is switched on."""
    if not getattr(settings, "COMPLIANCE_TOUR", False):
        return {}
    match = getattr(request, "resolver_match", None)
    return {"tour_note": tour_note_for(match.view_name if match else None)}
