"""Shared fixtures: the offline models are loaded once per test session.

Markers (registered in pyproject.toml): `model` for a test that loads the spaCy pipeline or the
embedder (it asks for the `models` or `nlp` fixture, or is marked by hand), `e2e` for a test
that runs a whole command, server or cluster, and `fast` for every other test, set here, so
`pytest -m fast` runs the model-free tests in seconds.
"""

from __future__ import annotations

import pytest

from consilience.resources import Models

_MODEL_FIXTURES = {"models", "nlp"}


@pytest.fixture(scope="session")
def models() -> Models:
    return Models()


@pytest.fixture(scope="session")
def nlp(models: Models):
    return models.nlp


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)
        if item.get_closest_marker("model") is None and item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.fast)
