"""What the import tests share."""

from __future__ import annotations

from dataclasses import replace

import pytest


@pytest.fixture
def demo_domain(demo_file):
    """The demo deal as engine data, without its analysis date (as a workbook carries none)."""
    from dealmap.interchange.dealfile import load_deal

    return replace(load_deal(demo_file), as_of=None)
