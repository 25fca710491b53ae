"""The public API: everything in ``chaingraph.__all__`` exists, and the names users need are in it."""

from __future__ import annotations

import importlib
import pkgutil

import chaingraph
from chaingraph import analysis, errors
from chaingraph.dataset import model


def test_all_names_exist_and_are_unique() -> None:
    assert len(chaingraph.__all__) == len(set(chaingraph.__all__))
    for name in chaingraph.__all__:
        assert hasattr(chaingraph, name), name


def test_every_error_and_record_is_public() -> None:
    for module in (errors, model):
        for name in module.__all__:
            if name[0].isupper() and isinstance(getattr(module, name), type):
                assert name in chaingraph.__all__, f"{module.__name__}.{name} is not exported"
    for name in ("gap_report", "find_targets", "AnalysisParams", "GapReport", "TargetList"):
        assert name in chaingraph.__all__ and name in analysis.__all__


def test_every_module_declares_all() -> None:
    for info in pkgutil.walk_packages(chaingraph.__path__, "chaingraph."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        assert isinstance(getattr(module, "__all__", None), list), f"{info.name} has no __all__"
        for name in module.__all__:
            assert hasattr(module, name), f"{info.name}.__all__ names missing {name}"


def test_exception_tree() -> None:
    for name in ("DatasetError", "LookupFailed", "ParseError", "BackendError", "ExportError"):
        assert issubclass(getattr(chaingraph, name), chaingraph.ChaingraphError)
    assert issubclass(chaingraph.ParseError, ValueError)
    codes = {getattr(errors, n).exit_code for n in ("DatasetError", "LookupFailed", "ParseError", "BackendError",
                                                    "ExportError")}
    assert len(codes) == 5 and 0 not in codes
