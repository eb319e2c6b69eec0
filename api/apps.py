from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The JSON API for native apps (REQUIREMENTS G1): thin views over the web's services."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # drf-spectacular finds the X-Session-Token scheme through this import.
        from api import schema  # noqa: F401
