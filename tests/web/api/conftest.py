"""API test helpers: clients that speak JSON, with a session or a Bearer token."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from django.test import Client

sys.path.insert(0, str(Path(__file__).parent))

from api_client import Api  # noqa: E402


@pytest.fixture
def api_as():
    """``api_as(user)``: an API client logged in as ``user`` through a Bearer token."""
    from dealmap.web.security.tokens import token_create

    def make(user) -> Api:
        _, raw = token_create(user=user)
        return Api(Client(), {"Authorization": f"Bearer {raw}"})

    return make
