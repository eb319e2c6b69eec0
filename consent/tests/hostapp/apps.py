from django.apps import AppConfig


class HostAppConfig(AppConfig):
    """A stand-in for the project that installs the consent app."""

    name = "consent.tests.hostapp"
    label = "hostapp"
