"""POST /api/signals: the reading dict for a note, authenticated, strict input, declared errors."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_note_gives_the_reading_with_its_cues(api_as, rep):
    status, body = api_as(rep).post("/signals", {"text": "他说你们来得太晚了,已经定了"})
    assert status == 200
    assert set(body) == {
        "attitude",
        "personal_need",
        "departments",
        "signals",
        "signal_cues",
        "department_cues",
    }
    assert body["attitude"]["level"] == -1 and body["attitude"]["cues"]


def test_a_note_without_attitude_gives_a_null_level(api_as, rep):
    status, body = api_as(rep).post("/signals", {"text": "会议定在周三下午"})
    assert status == 200 and body["attitude"] == {"level": None, "confidence": 0.0, "cues": []}


def test_without_authentication_it_answers_401():
    from api_client import Api

    status, body = Api(Client()).post("/signals", {"text": "没兴趣"})
    assert status == 401 and body["detail"]


@pytest.mark.parametrize("payload", [{}, {"text": 3}, {"text": "x", "extra": 1}, {"text": "长" * 5001}])
def test_bad_input_answers_422(api_as, rep, payload):
    status, body = api_as(rep).post("/signals", payload)
    assert status == 422 and body["problems"]


def test_the_operation_declares_401_and_422():
    from dealmap.web.api.api import api

    operation = api.get_openapi_schema()["paths"]["/api/signals"]["post"]
    assert {"200", "401", "422"} <= {str(code) for code in operation["responses"]}
