"""The material every reliability test starts from: a data file, a package and a backup, made once per module."""

from __future__ import annotations

import pytest

from tests.reliability.material import Material, make_material


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    return make_material(tmp_path_factory.mktemp("material"))
