"""A thin JSON client for /api/ used by the API tests."""

from __future__ import annotations

import json

from django.test import Client


class Api:
    """A thin JSON client for /api/: ``api.get("/people/1")`` → (status, body)."""

    def __init__(self, client: Client, headers: dict | None = None):
        self.client, self.headers = client, headers or {}

    def call(self, method: str, path: str, body=None, **headers):
        response = self.client.generic(
            method,
            "/api" + path,
            data=json.dumps(body) if body is not None else None,
            content_type="application/json",
            headers={**self.headers, **headers},
        )
        content = response.content.decode()
        is_json = response.get("Content-Type", "").startswith("application/json")
        return response.status_code, (json.loads(content) if content and is_json else None)

    def get(self, path, **headers):
        return self.call("GET", path, **headers)

    def post(self, path, body, **headers):
        return self.call("POST", path, body, **headers)

    def patch(self, path, body, **headers):
        return self.call("PATCH", path, body, **headers)

    def delete(self, path, **headers):
        return self.call("DELETE", path, **headers)
