from consent.registry import PersonalDataCategory, register
from yourapp.models import User

register(
    PersonalDataCategory(
        key="account",
        label="Your account",
        description="Your user name.",
        models=(User,),
        export=lambda user: {"username": user.username},
        erase=lambda user: user.delete(),
        order=1000,
    )
)
