from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from consent.admin import AccessLoggedAdminMixin
from onboarding.forms import StaffLearnerCreationForm
from onboarding.models import User
from onboarding.phone import phone_mask, phone_normalize

# The admin says whose it is, in the staff member's language.
admin.site.site_header = _("LearnRight staff administration")
admin.site.site_title = _("LearnRight staff")
admin.site.index_title = _("Accounts, consent records and the course catalogue")


def _hide_unused_models() -> None:
    """Accounts have no e-mail address (A1): allauth's "Email addresses" would be an empty table."""
    from allauth.account.models import EmailAddress

    if admin.site.is_registered(EmailAddress):
        admin.site.unregister(EmailAddress)


# allauth's admin module is imported before this one (INSTALLED_APPS order).
_hide_unused_models()


@admin.register(User)
class UserAdmin(AccessLoggedAdminMixin, DjangoUserAdmin):
    ordering = ("-date_joined",)
    list_display = ("masked_phone", "phone_verified", "origin", "is_active", "is_staff", "date_joined")
    list_filter = ("phone_verified", "origin", "is_active", "is_staff")
    # E3: a search finds an account by its complete number only, normalised
    # like signup (any common format), never by a part of it: matching parts
    # let a masked number be recovered digit by digit (see get_search_results).
    search_fields = ("phone",)
    search_help_text = _("Enter a complete mobile number, in any common format.")
    # Otherwise every result link would carry the searched number in its URL
    # (?_changelist_filters=q%3D...) into the change page, history and logs (E3).
    preserve_filters = False
    # E3: staff see the number masked everywhere, the change page included;
    # searching by the full number still finds the account.
    readonly_fields = ("masked_phone", "subject_id", "date_joined", "last_login")
    fieldsets = (
        (None, {"fields": ("masked_phone", "phone_verified", "subject_id", "origin")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("date_joined", "last_login")}),
    )
    # Staff may add a learner by number only; the same rules as the CSV import
    # apply (A2): same normalisation as signup, no consent, no SMS.
    add_form = StaffLearnerCreationForm
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("phone",)}),)

    @admin.display(description=_("mobile number"), ordering="phone")
    def masked_phone(self, obj: User) -> str:
        return phone_mask(obj.phone)

    def access_log_subject(self, obj: User) -> User:
        # Opening a learner's change page is opening their data (E3, PIPL 51).
        return obj

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        try:
            phone = phone_normalize(term)
        except ValidationError:
            return queryset.none(), False
        return queryset.filter(phone=phone), False

    def user_change_password(self, request, id, form_url=""):
        # Learners sign in by SMS code and never chose a password (the privacy
        # policy says so), and the page would show the full number (E3).
        # Staff change their own password at admin:password_change.
        raise Http404
