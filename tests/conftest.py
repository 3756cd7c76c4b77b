"""Shared fixtures: the offline models are loaded once per test session."""

from __future__ import annotations

import pytest

from consilience.resources import Models


@pytest.fixture(scope="session")
def models() -> Models:
    return Models()


@pytest.fixture(scope="session")
def nlp(models: Models):
    return models.nlp
