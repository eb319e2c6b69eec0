"""A person can check their consent receipt offline with the shipped verifier (E2, E5).

The verifier runs as a separate program, copied out of the package, as a
person would run it: `python verify_receipt.py receipt.json`.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

import consent
from consent import checkpoints, selectors, services
from onboarding.consent_purposes import PROFILING
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

VERIFIER = Path(consent.__file__).parent / "verify_receipt.py"


@pytest.fixture
def verifier(tmp_path):
    """The script alone, away from the project: it must need nothing but Python and cryptography."""
    copy = tmp_path / "verifier" / "verify_receipt.py"
    copy.parent.mkdir()
    shutil.copy(VERIFIER, copy)
    return copy


def _download(client, person, record) -> dict:
    client.force_login(person)
    response = client.get(reverse("consent:consent_receipt", args=[record.id]))
    assert response.status_code == 200
    return json.loads(response.content)


def _run(verifier: Path, receipt: dict, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    path = tmp_path / "receipt.json"
    path.write_text(json.dumps(receipt, ensure_ascii=False), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-I", str(verifier), str(path), *args],
        cwd=verifier.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def history(granted_person):
    """acknowledged, granted, withdrawn, granted: a chain of four, then a checkpoint over it."""
    services.consent_withdraw(user=granted_person, purpose=PROFILING, surface="test")
    services.consent_grant(user=granted_person, purpose=PROFILING, surface="test")
    services.policy_acknowledge(user=LearnerFactory(), surface="test")
    checkpoint = checkpoints.checkpoint_create()
    return list(selectors.consent_records_for_user(user=granted_person).order_by("sequence")), checkpoint


def test_a_downloaded_receipt_verifies_offline(client, granted_person, history, verifier, tmp_path):
    records, checkpoint = history
    receipt = _download(client, granted_person, records[-1])

    result = _run(verifier, receipt, tmp_path, "--fingerprint", checkpoint.key_fingerprint)

    assert result.returncode == 0, result.stderr
    assert f"position 4 of its chain and is in checkpoint {checkpoint.number}" in result.stdout
    assert receipt["publicKey"] == checkpoint.public_key
    assert receipt["ledgerProof"]["checkpoint"]["keyFingerprint"] == checkpoint.key_fingerprint


def test_an_older_record_verifies_through_the_later_records_of_its_chain(
    client, granted_person, history, tmp_path
):
    records, _ = history
    receipt = _download(client, granted_person, records[0])
    path = tmp_path / "receipt.json"
    path.write_text(json.dumps(receipt), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "consent.verify_receipt", str(path)],
        cwd=Path(consent.__file__).parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert len(receipt["ledgerProof"]["chainProof"]) == 3


def _edit_decision(receipt):
    receipt["decision"] = receipt["ledgerProof"]["record"]["decision"] = "declined"


def _edit_receipt_only(receipt):
    receipt["decision"] = "declined"


def _edit_proof_node(receipt):
    path = receipt["ledgerProof"]["inclusionProof"]
    path[0] = "00" * 32


def _edit_root(receipt):
    receipt["ledgerProof"]["checkpoint"]["statement"]["root"] = "00" * 32


def _swap_key(receipt):
    receipt["ledgerProof"]["checkpoint"]["publicKey"] = (
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
    )


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (_edit_decision, "the record's hash does not match its contents"),
        (_edit_receipt_only, "decision differs from the hashed record"),
        (_edit_proof_node, "not in the checkpoint's Merkle tree"),
        (_edit_root, "not in the checkpoint's Merkle tree"),
        (_swap_key, "public key does not have the fingerprint"),
    ],
)
def test_an_edited_receipt_does_not_verify(client, granted_person, history, verifier, tmp_path, edit, reason):
    records, _ = history
    receipt = _download(client, granted_person, records[1])
    edit(receipt)

    result = _run(verifier, receipt, tmp_path)

    assert result.returncode == 1
    assert reason in result.stderr


def test_a_checkpoint_signed_by_another_key_than_expected_does_not_verify(
    client, granted_person, history, verifier, tmp_path
):
    records, _ = history
    receipt = _download(client, granted_person, records[1])

    result = _run(verifier, receipt, tmp_path, "--fingerprint", "ab" * 32)

    assert result.returncode == 1
    assert "another key than the one you expected" in result.stderr


def test_a_record_newer_than_the_last_checkpoint_says_to_come_back(
    client, granted_person, history, verifier, tmp_path
):
    newest = services.consent_withdraw(user=granted_person, purpose=PROFILING, surface="test")
    receipt = _download(client, granted_person, newest)

    result = _run(verifier, receipt, tmp_path)

    assert receipt["ledgerProof"]["checkpoint"] is None
    assert result.returncode == 1
    assert "no checkpoint covers this record yet" in result.stderr

    checkpoints.checkpoint_create()
    assert _run(verifier, _download(client, granted_person, newest), tmp_path).returncode == 0


def test_an_unreadable_receipt_is_a_clear_error(verifier, tmp_path):
    path = tmp_path / "receipt.json"
    path.write_text("not json")

    result = subprocess.run(
        [sys.executable, "-I", str(verifier), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert "Cannot read" in result.stderr


def test_the_history_page_says_how_to_check_a_receipt_and_offers_the_checker(client, granted_person, history):
    _, checkpoint = history
    client.force_login(granted_person)

    html = client.get(reverse("consent:consent_history")).content.decode()
    script = client.get(reverse("consent:receipt_verifier"))

    assert "each receipt carries a signed proof that you can check yourself, offline" in html
    assert reverse("consent:receipt_verifier") in html
    assert checkpoint.key_fingerprint in html
    assert script.status_code == 200
    assert script["Content-Disposition"] == 'attachment; filename="verify_receipt.py"'
    assert b"".join(script) == VERIFIER.read_bytes()


def test_the_history_page_says_it_in_chinese_too(client, granted_person):
    client.force_login(granted_person)

    html = client.get(reverse("consent:consent_history"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "每张回执都附有签名证明" in html
    assert "下载回执核验程序" in html
