"""The OpenAPI schema at /api/schema and the docs page at /api/docs; errors are JSON."""

import re

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    ("get", "/api/v1/works"), ("get", "/api/v1/search"), ("get", "/api/v1/works/{work_id}"),
    ("get", "/api/v1/works/{work_id}/chapters/{chapter_id}"), ("get", "/api/v1/tags"),
    ("get", "/api/v1/tags/{name}"), ("post", "/api/v1/works/{work_id}/kudos"),
    ("post", "/api/v1/bookmarks"), ("get", "/api/v1/collections"),
    ("get", "/api/v1/collections/{name}"), ("get", "/api/v1/collections/{name}/works"),
}  # fmt: skip


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def test_the_schema_is_openapi_3_with_every_endpoint_and_its_components(client):
    response = client.get("/api/schema")
    assert response.status_code == 200
    schema = response.json()
    assert re.fullmatch(r"3\.\d+\.\d+", schema["openapi"])
    assert schema["info"]["title"] and schema["info"]["version"] == "1"
    found = {(m, p) for p, ops in schema["paths"].items() for m in ops}
    assert found == ENDPOINTS
    components = schema["components"]
    assert {"WorkOut", "WorkPage", "WorkDetail", "ChapterOut", "TagOut", "Error"} <= set(
        components["schemas"]
    )
    assert components["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    for ref in set(refs(schema)):
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.rsplit("/", 1)[1] in components["schemas"], ref
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation["responses"], (method, path)
            assert operation["operationId"], (method, path)
            names = {p["name"] for p in operation.get("parameters", [])}
            assert set(re.findall(r"{(\w+)}", path)) <= names, path
    listing = schema["paths"]["/api/v1/works"]["get"]
    assert {"q", "sort", "include", "exclude", "page", "page_size"} <= {
        p["name"] for p in listing["parameters"]
    }
    writes = schema["paths"]["/api/v1/bookmarks"]["post"]
    assert writes["security"] == [{"TokenAuth": []}]


def test_the_docs_page_lists_every_endpoint_and_loads_nothing_from_elsewhere(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = response.content.decode()
    for method, path in ENDPOINTS:
        assert f"{method.upper()} {path}" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert "style=" not in page and "<script>" not in page


def test_unknown_endpoints_and_methods_answer_in_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert "error" in response.json()
    response = client.get("/api/v1/works/notanumber")
    assert response.status_code == 404
    assert "error" in response.json()


def test_a_listed_work_has_exactly_the_fields_the_schema_names(client, author, make_work):
    make_work(author, "Counted")
    schema = client.get("/api/schema").json()["components"]["schemas"]
    work = client.get("/api/v1/works").json()["results"][0]
    assert set(work) == set(schema["WorkOut"]["properties"])


def test_the_schema_lists_the_error_answers_and_that_reading_needs_no_token(client, db):
    schema = client.get("/api/schema").json()
    works = schema["paths"]["/api/v1/works"]["get"]
    assert {"400", "401", "404", "429", "500"} <= set(works["responses"])
    assert {} in works["security"]
    kudos = schema["paths"]["/api/v1/works/{work_id}/kudos"]["post"]
    assert {} not in kudos["security"]
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]


def test_a_post_to_no_endpoint_is_a_json_404_not_a_csrf_page(client, db):
    response = client.post("/api/v1/works/null/kudos")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "no such API endpoint" in response.json()["error"]
