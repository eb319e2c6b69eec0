"""Notices by API: version, language from Accept-Language, text and its SHA-256 (A3, A4, A6)."""

import hashlib

from tests.api.conftest import API


def test_notices_list_the_policy_and_each_consent_purpose_notice(app):
    body = app.get(f"{API}/notices").json()
    assert body["privacy_policy"]["kind"] == "privacy_policy"
    assert [entry["purpose"]["code"] for entry in body["purposes"]] == ["profiling", "product_news_sms"]
    for notice in [body["privacy_policy"], *(entry["notice"] for entry in body["purposes"])]:
        assert notice["sha256"] == hashlib.sha256(notice["text"].encode()).hexdigest()
        assert notice["version"]


def test_accept_language_chooses_the_chinese_text(app):
    english = app.get(f"{API}/notices/privacy-policy").json()
    app.language = "zh-CN,zh;q=0.9"
    chinese = app.get(f"{API}/notices/privacy-policy").json()
    assert (english["language"], chinese["language"]) == ("en", "zh-hans")
    assert chinese["version"] == english["version"]
    assert chinese["id"] != english["id"]
    assert "隐私政策" in chinese["text"]


def test_an_unpublished_policy_is_a_404_problem(db, client):
    response = client.get(f"{API}/notices/privacy-policy")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
