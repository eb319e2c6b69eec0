"""Pre-provisioned accounts: `manage.py import_learners` (REQUIREMENTS A2, CC 1033)."""

import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from onboarding.models import OutboundSms, User
from onboarding.services import ImportRefused, learners_import
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _write(tmp_path, text: str, name: str = "learners.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_learners", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_creates_accounts_normalised_like_signup_with_origin_import(tmp_path):
    path = _write(tmp_path, "phone\n138 0013 8000\n+86 139-0013-9000\n")

    _run(path)

    users = User.objects.order_by("phone")
    assert [user.phone for user in users] == ["+8613800138000", "+8613900139000"]
    assert {user.origin for user in users} == {User.Origin.IMPORT}


def test_imported_accounts_are_unverified_and_have_no_usable_password(tmp_path):
    _run(_write(tmp_path, "phone\n13800138000\n"))

    user = User.objects.get(phone="+8613800138000")
    assert user.phone_verified is False
    assert not user.has_usable_password()


def test_import_sends_no_sms(tmp_path, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _run(_write(tmp_path, "phone\n13800138000\n13900139000\n"))

    assert callbacks == []
    assert outbox == []
    assert not OutboundSms.objects.exists()


def test_an_empty_file_creates_nothing_and_fails(tmp_path):
    with pytest.raises(CommandError, match="empty"):
        _run(_write(tmp_path, ""))
    assert not User.objects.exists()


def test_a_wrong_header_creates_nothing_and_fails(tmp_path):
    with pytest.raises(CommandError, match='header "phone"'):
        _run(_write(tmp_path, "mobile\n13800138000\n"))
    assert not User.objects.exists()


def test_a_file_without_a_header_creates_nothing_and_fails(tmp_path):
    with pytest.raises(CommandError, match='header "phone"'):
        _run(_write(tmp_path, "13800138000\n13900139000\n"))
    assert not User.objects.exists()


def test_a_header_without_rows_creates_nothing_and_fails(tmp_path):
    with pytest.raises(CommandError, match="no phone numbers"):
        _run(_write(tmp_path, "phone\n\n\n"))
    assert not User.objects.exists()


def test_a_header_with_a_byte_order_mark_and_capitals_is_accepted(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffPhone\r\n13800138000\r\n".encode())

    _run(path)

    assert User.objects.filter(phone="+8613800138000").exists()


def test_a_file_that_is_not_utf8_creates_nothing_and_fails(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("phone\n13800138000\n手机\n".encode("gbk"))

    with pytest.raises(CommandError, match="UTF-8"):
        _run(path)
    assert not User.objects.exists()


def test_invalid_lines_are_reported_with_line_number_and_reason_and_the_rest_imported(tmp_path):
    path = _write(tmp_path, "phone\n13800138000\nnot a number\n12345\n13900139000,extra\n13700137000\n")

    _out, err = _run(path)

    assert "Line 3: rejected: A phone number may contain only digits" in err
    assert "Line 4: rejected: This is not a valid mobile number" in err
    assert "Line 5: rejected: Expected one phone number, found 2 values." in err
    assert set(User.objects.values_list("phone", flat=True)) == {"+8613800138000", "+8613700137000"}


def test_a_landline_is_rejected_because_codes_go_by_sms(tmp_path):
    _out, err = _run(_write(tmp_path, "phone\n010 6552 9988\n"))

    assert "Line 2: rejected: Enter a mobile number" in err
    assert not User.objects.exists()


def test_duplicates_inside_the_file_are_reported_and_created_once(tmp_path):
    path = _write(tmp_path, "phone\n13800138000\n13900139000\n+86 138 0013 8000\n")

    _out, err = _run(path)

    assert "Line 4: Same number as line 2; skipped." in err
    assert User.objects.filter(phone="+8613800138000").count() == 1
    assert User.objects.count() == 2


def test_rerunning_the_same_file_is_idempotent_and_reports_numbers_already_present(tmp_path):
    path = _write(tmp_path, "phone\n13800138000\n13900139000\n")
    _run(path)

    out, _err = _run(path)

    assert User.objects.count() == 2
    assert "Line 2: already has an account; left as it is." in out
    assert "Line 3: already has an account; left as it is." in out
    assert "Created 0 accounts; 2 already present" in out


def test_a_number_that_signed_up_itself_is_left_untouched(tmp_path):
    own = UserFactory(phone="+8613800138000", phone_verified=True)

    _run(_write(tmp_path, "phone\n13800138000\n"))

    own.refresh_from_db()
    assert (own.origin, own.phone_verified) == (User.Origin.SIGNUP, True)
    assert User.objects.count() == 1


def test_the_output_never_shows_a_full_phone_number(tmp_path):
    UserFactory(phone="+8613800138000")

    out, err = _run(_write(tmp_path, "phone\n13800138000\n13900139000\n13900139000\n"))

    assert "13800138000" not in out + err
    assert "13900139000" not in out + err


def test_the_service_refuses_rows_without_a_header_before_writing_anything():
    with pytest.raises(ImportRefused):
        learners_import(rows=[["13800138000"]])
    assert not User.objects.exists()


def test_a_ten_thousand_line_file_is_imported_in_one_pass(tmp_path, capsys):
    lines = "\n".join(f"+86139{n:08d}" for n in range(10_000))
    path = _write(tmp_path, f"phone\n{lines}\n")

    started = time.perf_counter()
    out, err = _run(path)
    elapsed = time.perf_counter() - started

    assert User.objects.filter(origin=User.Origin.IMPORT).count() == 10_000
    assert "Created 10000 accounts" in out
    assert err == ""
    # Reported, not asserted: timing depends on the machine (see docs/PERFORMANCE.md).
    with capsys.disabled():
        print(f"\nimport_learners: 10,000 lines in {elapsed:.2f} s")
