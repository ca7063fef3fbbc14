"""The marker for text already in its target format."""

from __future__ import annotations


class Safe(str):
    """Text already in the target format: a template environment prints it without escaping again."""

    __slots__ = ()
