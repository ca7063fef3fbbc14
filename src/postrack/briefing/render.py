"""Rendering a memo's plain data through Jinja templates, safely.

Templates are looked up in the user's folder first, then in the shipped ``templates/``, so a
user can replace one partial and keep the rest. They run in Jinja's sandbox with
``StrictUndefined``: a template that reaches for Python internals or names a field the memo does
not have fails with a :class:`UserError` naming the template file and line, never a traceback.
Every printed value passes through the format's escaper (``finalize``), so data cannot inject
markup whatever the template does.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

from jinja2 import StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from postrack.briefing.escape import (
    Safe,
    html_text,
    json_script,
    markdown_text,
    markdown_url,
    typst_string,
    typst_text,
)
from postrack.briefing.template_loader import ConfinedLoader
from postrack.paths import shipped_templates_dir
from postrack.problems import Problem, UserError

Target = Literal["md", "typ", "html"]
TEMPLATE_SUFFIX = ".j2"

_ESCAPERS: dict[Target, Callable[[object], str]] = {
    "md": markdown_text,
    "typ": typst_text,
    "html": html_text,
}
_FILTERS: dict[Target, dict[str, Callable[..., str]]] = {
    "md": {"md_url": markdown_url},
    "typ": {"typst_string": typst_string},
    "html": {"json_script": json_script},
}


def search_path(user_dir: Path | None) -> list[Path]:
    """Folders searched for templates, first match wins."""
    if user_dir is not None and not user_dir.is_dir():
        raise UserError.single(f"--template: no such folder: {user_dir}")
    return [p for p in (user_dir, shipped_templates_dir()) if p is not None]


def environment(target: Target, user_dir: Path | None = None) -> SandboxedEnvironment:
    escape = _ESCAPERS[target]

    def finalize(value: object) -> str:
        if isinstance(value, Safe) or (target == "html" and isinstance(value, Markup)):
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            return escape(value)
        return str(value)

    env = SandboxedEnvironment(
        loader=ConfinedLoader(search_path(user_dir)),
        undefined=StrictUndefined,
        finalize=finalize,
        # HTML is escaped twice over: by ``finalize`` and by Jinja's own autoescape, which also
        # covers text a template builds with ``~`` or filters.
        autoescape=target == "html",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_FILTERS[target])
    # ``|safe`` would let data through unescaped; a memo has no use for that.
    env.filters["safe"] = escape
    return env


def render(target: Target, name: str, data: Mapping[str, Any], user_dir: Path | None = None) -> str:
    """Render template ``name`` (e.g. ``memo.md.j2``) with ``data`` as its variables."""
    env = environment(target, user_dir)
    try:
        template = env.get_template(name)
    except TemplateNotFound as exc:
        searched = ", ".join(str(p) for p in search_path(user_dir))
        raise UserError.single(f"template {exc.name!r} not found (searched: {searched})") from None
    except TemplateSyntaxError as exc:
        raise _template_error(exc, exc.filename or name, exc.lineno) from None
    try:
        return template.render(**data)
    except TemplateSyntaxError as exc:  # an included partial is compiled only when reached
        raise _template_error(exc, exc.filename or name, exc.lineno) from None
    except UserError:  # an included partial refused by the loader
        raise
    except Exception as exc:  # any failure inside template code is the template's
        frame = _innermost_template_frame(exc)
        if frame is None:
            raise
        raise _template_error(exc, *frame) from None


def _template_error(exc: Exception, file: str, line: int) -> UserError:
    message = (
        exc.message if isinstance(exc, TemplateError) and exc.message else f"{type(exc).__name__}: {exc}"
    )
    return UserError([Problem(file=file, line=line, message=f"template error: {message}")])


def _innermost_template_frame(exc: BaseException) -> tuple[str, int] | None:
    """Jinja rewrites tracebacks so template code shows as frames of the template file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(TEMPLATE_SUFFIX)]
    if not frames:
        return None
    return frames[-1].filename, frames[-1].lineno or 0
