"""django-allauth strings we word differently in Simplified Chinese.

allauth's own catalogue translates "Code" as 代码 (program code) and
"Incorrect code." as 错误代码 ("error code"). Listing the msgids here puts
them in the project catalogue (locale/), which Django consults before any
app's, so learners read 验证码 instead. Nothing imports this module.
"""

from django.utils.translation import gettext_noop

ALLAUTH_MSGIDS = (
    gettext_noop("Code"),
    gettext_noop("Incorrect code."),
)
