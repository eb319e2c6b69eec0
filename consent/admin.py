"""Read-only admin for the ledger and the published notices (REQUIREMENTS E1).

Staff can look, filter and search by record or subject id; nobody can add,
change or delete, not even a superuser: the permission methods say no
regardless of who asks, and the models refuse writes anyway.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext_lazy as _

from consent import services
from consent.models import ConsentRecord, DataExport, LedgerCheckpoint, NoticeVersion, StaffAccessLogEntry
from consent.subjects import subject_id_of


class ReadOnlyAdmin(admin.ModelAdmin):
    actions = None

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LedgerCheckpoint)
class LedgerCheckpointAdmin(ReadOnlyAdmin):
    """Signed checkpoints are evidence like the ledger: nobody adds, edits or deletes them here (E5)."""

    list_display = ("number", "cutoff", "records", "chains", "root", "key_fingerprint")
    ordering = ("-number",)


@admin.register(NoticeVersion)
class NoticeVersionAdmin(ReadOnlyAdmin):
    list_display = ("kind", "purpose", "version", "language", "effective_date", "published_at", "sha256")
    list_filter = ("kind", "purpose", "language")


class AccessLoggedAdminMixin:
    """Log each time staff see one person's data in this admin (E3, PIPL 51).

    Mix into any ModelAdmin whose pages show a person's data (before the
    ModelAdmin base). Every view is covered: the list and its searches (one
    entry per person on the page shown), the change page, the history and
    the delete page. `access_log_subject(obj)` returns the person the row
    belongs to (default: `obj.user`).
    """

    def access_log_subject(self, obj):
        return obj.user

    def _access_log(self, request, objs, view: str) -> None:
        page = f"admin:{self.opts.app_label}.{self.opts.model_name}:{view}"
        logged = set()
        for obj in objs:
            subject = self.access_log_subject(obj) if obj is not None else None
            subject_id = subject_id_of(subject, create=True) if subject is not None else None
            if subject_id is not None and subject_id not in logged:
                logged.add(subject_id)
                services.staff_access_record(staff=request.user, subject=subject, page=page)

    def _access_log_object(self, request, object_id, view: str, response) -> None:
        if getattr(response, "status_code", None) == 200:
            self._access_log(request, [self.get_object(request, unquote(object_id))], view)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if getattr(response, "status_code", None) == 200 and changelist is not None:
            view = "search" if changelist.query else "changelist"
            self._access_log(request, changelist.result_list, view)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET":
            self._access_log_object(request, object_id, "change", response)
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        self._access_log_object(request, object_id, "history", response)
        return response

    def delete_view(self, request, object_id, extra_context=None):
        # Logged before the row can go: the entry names the person by
        # subject id and outlives the account.
        if request.method == "GET":
            response = super().delete_view(request, object_id, extra_context)
            self._access_log_object(request, object_id, "delete", response)
            return response
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_delete_permission(request, obj):
            self._access_log(request, [obj], "delete")
        return super().delete_view(request, object_id, extra_context)


@admin.register(ConsentRecord)
class ConsentRecordAdmin(AccessLoggedAdminMixin, ReadOnlyAdmin):
    """A person's decisions are their data too: each view is logged by subject id (E3)."""

    list_display = ("created_at", "sequence", "purpose", "decision", "notice_version", "language", "surface")
    list_filter = ("purpose", "decision", "surface", "language")
    search_fields = ("=id", "=subject_id")
    ordering = ("-created_at",)
    list_select_related = ("notice_version",)

    def access_log_subject(self, obj: ConsentRecord) -> ConsentRecord:
        # The record names its person by subject_id, all the access log keeps.
        return obj


@admin.register(StaffAccessLogEntry)
class StaffAccessLogEntryAdmin(ReadOnlyAdmin):
    """Read-only, like the ledger: nobody edits the record of who looked at whom (E3)."""

    list_display = ("created_at", "staff_member", "person", "page")
    list_filter = ("page",)
    search_fields = ("=staff_subject_id", "=subject_id")
    ordering = ("-created_at",)

    # Readable for staff: each account as the user model names it (the host
    # project masks it, E3), or a note when the account no longer exists.
    @admin.display(description=_("staff member"))
    def staff_member(self, obj) -> str:
        return _account_label(obj.staff_subject_id)

    @admin.display(description=_("whose data"))
    def person(self, obj) -> str:
        return _account_label(obj.subject_id)


def _account_label(subject_id) -> str:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(subject_id=subject_id).first()
    if user is None:
        return _("account deleted (%(subject_id)s)") % {"subject_id": str(subject_id)[:8]}
    return str(user)


@admin.register(DataExport)
class DataExportAdmin(AccessLoggedAdminMixin, ReadOnlyAdmin):
    """Status only: the file itself is never shown to staff, and opening a row is logged (E3)."""

    list_display = ("id", "status", "progress", "created_at", "expires_at")
    list_filter = ("status",)
    search_fields = ("=id",)
    fields = ("id", "owner_subject_id", "status", "progress", "created_at", "finished_at", "expires_at")
    readonly_fields = fields

    @admin.display(description=_("owner (subject id)"))
    def owner_subject_id(self, obj: DataExport) -> str:
        return str(subject_id_of(obj.user, create=True))
