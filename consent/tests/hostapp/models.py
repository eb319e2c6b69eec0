from django.conf import settings
from django.db import models


class Topic(models.Model):
    """Something the host keeps about a person under a consent purpose (the newsletter's topics)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)

    def __str__(self) -> str:
        return self.name
