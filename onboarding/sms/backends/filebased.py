"""Appends each SMS as a JSON line to a file in `SMS_FILE_PATH`.

Used by the browser tests and by a server run in another process, where the
test must read the code the server "sent".
"""

import json
from pathlib import Path

from django.conf import settings

from onboarding.sms.backends.base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def __init__(self, *args, file_path: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.directory = Path(file_path or settings.SMS_FILE_PATH)

    def send_messages(self, messages) -> int:
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / "outbox.jsonl", "a", encoding="utf-8") as handle:
            for message in messages:
                handle.write(json.dumps({"to": message.to, "body": message.body}, ensure_ascii=False) + "\n")
        return len(messages)
