"""What ``record`` accepts as text and as a party name, checked before any file is opened.

The statement is written into YAML and read back; a character YAML reads as a line break (NEL,
U+2028, U+2029, CR) or a control character (C0, DEL, C1) would come back different from what was
given, or not at all. Such text is refused, naming the option and the character, rather than
silently changed. Tab and newline are kept: YAML stores both faithfully.

The party names a file in the data folder, so it must be a party id (lower-case snake case):
``../x`` or ``/etc/x`` would otherwise reach files, and lock files, outside the folder.
"""

from __future__ import annotations

import re
import unicodedata

from postrack.problems import UserError

PARTY_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_UNREADABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def check_party(party: str) -> None:
    if not PARTY_ID.fullmatch(party):
        raise UserError.single(
            f"party {party!r} is not a party id (lower-case letters, digits and _, naming <party>.yaml"
            " in the data folder)"
        )


def check_text(option: str, value: str) -> None:
    """Refuse ``value`` if it holds a character that would not read back as given."""
    found = _UNREADABLE.search(value)
    if found is not None:
        char = found.group()
        name = unicodedata.name(char, "a control character")
        raise UserError.single(
            f"{option}: contains U+{ord(char):04X} ({name}) at character {found.start() + 1};"
            " remove it (only tab and newline are kept among control and line-break characters)"
        )
