"""The presentation layer: how typed results become text for each target.

Engines return typed results and never format text; everything that turns data into output text
lives here (escapers, Markdown renderers, the JSON serialiser) or, for the terminal tables that
need Rich, in ``postrack.cli``'s view modules, which use :mod:`postrack.views.terminal` for every
data string. One rule holds in every target: data text is shown literally, never read as markup,
and no raw control character (other than newline and tab) reaches the output (:mod:`.controls`).
"""
