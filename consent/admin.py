"""Read-only admin for the ledger and the published notices (REQUIREMENTS E1).

Staff can look, filter and search by record or subject id; nobody can add,
change or delete, not even a superuser: the permission methods say no
regardless of who asks, and the models refuse writes anyway.
"""

from django.contrib import admin

from consent.models import ConsentRecord, NoticeVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    actions = None

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ("sequence", "created_at", "purpose", "decision", "notice_version", "language", "surface")
    list_filter = ("purpose", "decision", "surface", "language")
    search_fields = ("=id", "=subject_id")
    ordering = ("-sequence",)
    list_select_related = ("notice_version",)


@admin.register(NoticeVersion)
class NoticeVersionAdmin(ReadOnlyAdmin):
    list_display = ("kind", "purpose", "version", "language", "effective_date", "published_at", "sha256")
    list_filter = ("kind", "purpose", "language")
