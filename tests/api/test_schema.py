"""The OpenAPI contract: served at /api/schema/, equal to the committed docs/openapi.yaml."""

from pathlib import Path

import yaml
from django.conf import settings

SCHEMA_FILE = Path(settings.BASE_DIR) / "docs" / "openapi.yaml"


def test_the_served_schema_is_openapi_3_and_matches_the_committed_file(db, client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    served = response.content.decode()
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert served == committed, "docs/openapi.yaml is out of date: run `make api-schema` and commit the file"
    assert yaml.safe_load(served)["openapi"].startswith("3.")


def test_every_product_endpoint_is_in_the_schema(db):
    from django.urls import get_resolver

    paths = set(yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))["paths"])
    resolver = get_resolver().url_patterns
    api_routes = next(p for p in resolver if str(p.pattern) == "api/").url_patterns
    expected = {
        "/api/"
        + str(p.pattern).replace("<slug:", "{").replace("<str:", "{").replace("<int:", "{").replace(">", "}")
        for p in api_routes
        if str(p.pattern).startswith("v1/")
    }
    assert expected == paths


def test_the_schema_is_generated_without_warnings(db):
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS


def test_browsable_docs_are_served_in_development_from_our_own_origin(db, client, settings):
    settings.DEBUG = True
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "https://" not in html.replace("https://swagger.io", "")
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200


def test_browsable_docs_are_not_served_in_production(db, client, settings):
    settings.DEBUG = False
    assert client.get("/api/docs/").status_code == 404
    assert client.get("/api/schema/").status_code == 200


def test_every_documented_error_is_problem_details():
    schema = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    errors = [
        (path, status, set(response.get("content", {})))
        for path, item in schema["paths"].items()
        for operation in item.values()
        for status, response in operation["responses"].items()
        if int(status) >= 400
    ]
    assert errors
    assert all(media == {"application/problem+json"} for _, _, media in errors), errors
