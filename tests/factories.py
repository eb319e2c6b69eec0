import factory

from onboarding.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    phone = factory.Sequence(lambda n: f"+86139{n:08d}")
    phone_verified = True
    password = factory.PostGenerationMethodCall("set_unusable_password")
