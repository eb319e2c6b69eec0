from django.contrib import admin

from recommendations import services
from recommendations.models import Course


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("title_en", "slug", "level_min", "level_max", "featured", "published", "created_at")
    list_filter = ("featured", "published", "level_min")
    search_fields = ("slug", "title_en", "title_zh_hans")
    prepopulated_fields = {"slug": ("title_en",)}
    ordering = ("level_min", "level_max", "slug")
    # Enrollments and preferences are learners' personal data: they are not
    # browsable here; the privacy centre exports and erases them (D1, D4).

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        services.catalog_changed()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        services.catalog_changed()

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        services.catalog_changed()
