"""What the stand-in host holds about a person: its account and the newsletter topics."""

from django.contrib.auth import get_user_model

from consent.registry import PersonalDataCategory, register
from consent.tests.hostapp.models import Topic

User = get_user_model()

register(
    PersonalDataCategory(
        key="account",
        label="Your account",
        description="Your user name.",
        models=(User,),
        export=lambda user: {"username": user.username, "email": user.email},
        erase=lambda user: User.objects.filter(pk=user.pk).delete(),
        order=1000,
    )
)
register(
    PersonalDataCategory(
        key="topics",
        label="Newsletter topics",
        description="The topics you chose.",
        models=(Topic,),
        export=lambda user: [{"topic": topic.name} for topic in Topic.objects.filter(user=user)],
        erase=lambda user: Topic.objects.filter(user=user).delete(),
        purpose="newsletter",
    )
)
