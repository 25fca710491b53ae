"""The notebooks run top to bottom (nbclient, in a temp folder), print no warning, and are stored without outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["explore_pinghu.ipynb", "national_pool.ipynb"]


@pytest.fixture
def jupyter_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # jupyter_core warns (DeprecationWarning) unless told to use the platform's standard folders
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    # conftest points HOME at a folder that does not exist yet; IPython wants a writable one
    Path(os.environ["HOME"]).mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))


@pytest.mark.parametrize("name", NAMES)
def test_stored_without_outputs(name: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "clear outputs before committing"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name: str, tmp_path: Path, jupyter_env: None) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    workdir = tmp_path / "run"
    workdir.mkdir()
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(workdir)}})
    client.execute(cwd=str(workdir), env=dict(os.environ))
    texts = []
    images = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stderr":
                texts.append(output.text)
            if output.output_type == "display_data" and "image/png" in output.get("data", {}):
                images += 1
            assert output.output_type != "error"
    assert not texts, "notebook wrote to stderr (a warning?):\n" + "\n".join(texts)
    assert images >= (1 if name == "explore_pinghu.ipynb" else 3)
    printed = "\n".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []) if "text" in o)
    if Path("/usr/share/fonts/opentype/noto").is_dir() or os.environ.get("CI") == "true":
        assert "未找到中文字体" not in printed, "install fonts-noto-cjk for readable Chinese labels"
    assert list(workdir.iterdir()) == []  # the notebooks leave no files behind in the working folder
