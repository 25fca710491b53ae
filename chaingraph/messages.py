"""Messages a person reads, built from an English template and parameters and rendered per language.

Every error chaingraph raises on purpose, and every :class:`~chaingraph.errors.Problem` a dataset check reports,
carries a :class:`Message`: a ``str`` whose text is the English one (so ``str(exc)``, logs and the library read
English, as Python users expect) and which remembers its template and parameters. The command line renders it in
the language of ``--lang`` (Chinese by default) from the catalogue in :mod:`chaingraph.messages_zh`, keyed by the
English template; a template the catalogue lacks falls back to English (``tests/test_messages.py`` keeps the
catalogue complete and the placeholders equal).

Parameters are data (a file name, an id, a value from a cell) and are shown as given; a parameter that is itself a
message, or an exception carrying one, is rendered in the same language.

>>> m = msg("firm {text!r} matches {rows_count} firms; give its id", text="日本电产", rows_count=2)
>>> str(m) == m.render("en") == "firm '日本电产' matches 2 firms; give its id"
True
>>> m.render("zh")
"企业 '日本电产' 匹配到 2 家企业；请给出企业 id"

This module is a foundation module: it imports nothing from the package except, lazily, the catalogue.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Message", "msg", "noun", "render", "message_of", "PLURAL_PARAMS"]

PLURAL_PARAMS = frozenset({"s", "s2"})
"""Parameters that only make an English word plural (``problem{s}``); a translation may leave them out."""


class Message(str):
    """A message text in English that can be rendered in another language (see the module docstring)."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any] | None = None) -> Message:
        params = dict(params or {})
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # exceptions carrying a message cross process boundaries
        return (Message, (self.template, self.params))

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (``zh`` or ``en``); English when the catalogue has no entry for it."""
        if lang == "en" and not any(isinstance(v, (Message, BaseException)) for v in self.params.values()):
            return str.__str__(self)
        params = {k: _param(v, lang) for k, v in self.params.items()}
        if lang != "en":
            from .messages_zh import NOUNS_ZH, ZH

            translated = ZH.get(self.template) or NOUNS_ZH.get(self.template)
            if translated is not None:
                try:
                    return translated.format(**params)
                except (KeyError, IndexError, ValueError):  # never let a translation hide the error itself
                    pass
        return self.template.format(**params)


def _param(value: Any, lang: str) -> Any:
    if isinstance(value, (Message, BaseException)):
        return render(value, lang)
    return value


def msg(template: str, **params: Any) -> Message:
    """A message from an English ``template`` (``str.format`` syntax) and its parameters."""
    return Message(template, params)


def noun(word: str) -> Message:
    """A word given to a message as a parameter (a record kind: ``firm``, ``segment``), translated with it.

    >>> msg("unknown {what} {value!r}", what=noun("segment"), value="x").render("zh")
    "未知的环节 'x'"
    """
    return Message(word.replace("{", "{{").replace("}", "}}"))


def render(value: Any, lang: str) -> str:
    """``value`` as text in ``lang``: a message rendered, an exception by its message, anything else by ``str``."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, BaseException):
        own = getattr(value, "render", None)
        if callable(own):
            return str(own(lang))
        if len(value.args) == 1 and isinstance(value.args[0], Message):
            return value.args[0].render(lang)
    return str(value)


def message_of(exc: BaseException) -> str:
    """The message an exception carries, kept as a :class:`Message` when it is one (``str(exc)`` would lose it)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    own = getattr(exc, "message", None)
    if isinstance(own, Message):
        return own
    return str(exc)
