"""schemathesis against the app's own OpenAPI spec: no operation may answer with a 5xx.

In process (ASGI), over the small sample store of test_web.py; examples are bounded per
operation so the whole run stays well under a minute on two cores.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from sayso.web import create_app
from test_web import build_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    app = create_app(build_store(tmp_path_factory.mktemp("schema")))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_operation_answers_with_a_server_error(api_schema: schemathesis.BaseSchema) -> None:
    """Every operation in turn, with Hypothesis driving schemathesis' strategies directly
    (its pytest plugin does not run under pytest 9)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,  # the first /analyze call loads spaCy; no test depends on timing
            derandomize=True,  # the same examples every run, so a failure reproduces
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:  # and every error keeps the one shape
                body = response.json()
                assert set(body) == {"ok", "error", "status"}, body
                assert body["ok"] is False and body["status"] == response.status_code

        check()
