"""Reading text messages people send us, shaped like the outbound backends (B9).

A provider posts each reply to `/sms/inbound/`; the class named by
`SMS_INBOUND_PARSER` turns its request into an `InboundSms`. `FormParser`
reads the common form fields `from` and `text`; a provider with another
format gets a subclass. The console counterpart is `manage.py receive_sms`,
which hands a typed reply to the same service.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class InboundSms:
    sender: str
    body: str


class InboundParseError(ValueError):
    """The request does not carry a sender and a message."""


class BaseInboundParser:
    def parse(self, request: HttpRequest) -> InboundSms:
        raise NotImplementedError


class FormParser(BaseInboundParser):
    """`from` (the sender's number) and `text` (the message), form-encoded."""

    sender_field = "from"
    body_field = "text"

    def parse(self, request: HttpRequest) -> InboundSms:
        sender = (request.POST.get(self.sender_field) or "").strip()
        body = request.POST.get(self.body_field)
        if not sender or body is None:
            raise InboundParseError(f"Expected the fields {self.sender_field!r} and {self.body_field!r}.")
        return InboundSms(sender=sender, body=body)


def get_inbound_parser(parser: str | None = None) -> BaseInboundParser:
    return import_string(parser or settings.SMS_INBOUND_PARSER)()
