"""Shared set-up for the pytest-lsp end-to-end tests: the server binary and a scratch
copy of the seed corpus."""

import os
import pathlib
import shutil
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[2]
SERVER = os.environ.get("DATELINE_BIN", str(REPO / "target" / "debug" / "dateline"))


def scratch_corpus() -> pathlib.Path:
    """A fresh copy of seeds/ that the tests may change."""
    directory = pathlib.Path(tempfile.mkdtemp(prefix="dateline-pytest-"))
    for item in (REPO / "seeds").iterdir():
        shutil.copy(item, directory / item.name)
    return directory
