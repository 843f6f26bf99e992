"""The UN/EDIFACT syntax layer (ISO 9735): service string advice, segments, elements,
components and the release character. Pure: text in, segments out.

Written here rather than taken from pydifact (0.2.3): pydifact refuses three of the seven
shared airline samples (whitespace or a line break before a tag, ``UNG `` with a space),
emits Python warnings for every service segment, and raises ``ValidationError`` besides its
own ``EDISyntaxError``; the layer is about a hundred lines and reports positions we need.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontline.errors import InvalidInput

__all__ = ["DEFAULT", "Segment", "Separators", "read_segments"]


@dataclass(frozen=True, slots=True)
class Separators:
    """The six service characters of a UNA segment, in its order."""

    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str = "?"
    reserved: str = " "
    terminator: str = "'"

    def describe(self) -> str:
        return (
            f"component {self.component!r}, element {self.element!r}, "
            f"release {self.release!r}, terminator {self.terminator!r}"
        )


DEFAULT = Separators()


@dataclass(slots=True)
class Segment:
    """One segment: its tag, its data elements (each a tuple of components), and where it
    stands (1-based position among the segments, and the line it starts on).

    Slotted, not frozen: a 500-traveller manifest makes 3,500 of them, and a frozen
    dataclass costs twice as much to build; nothing changes one after it is read."""

    tag: str
    elements: tuple[tuple[str, ...], ...]
    position: int
    line: int

    def get(self, element: int, component: int = 0) -> str:
        """Component ``component`` of data element ``element`` (1-based, after the tag);
        the empty string where absent."""
        if element > len(self.elements):
            return ""
        parts = self.elements[element - 1]
        return parts[component] if component < len(parts) else ""

    def where(self) -> str:
        return f"segment {self.position} ({self.tag}, line {self.line})"


def _service_advice(text: str) -> tuple[Separators, str]:
    """The separators the interchange declares (or the defaults) and the text after UNA."""
    if not text.startswith("UNA"):
        return DEFAULT, text
    advice = text[3:9]
    if len(advice) < 6:
        raise InvalidInput.for_field("UNA", "the service string advice needs six characters")
    found = Separators(*advice)
    key = (found.component, found.element, found.release, found.terminator)
    if len(set(key)) < 4 or any(char.isalnum() for char in key):
        raise InvalidInput.for_field(
            "UNA", f"the service string advice must declare four distinct signs: {found.describe()}"
        )
    return found, text[9:]


def _split(text: str, sign: str, release: str) -> list[str]:
    """``text`` split on ``sign`` where the sign is not released (``?'`` is a quote)."""
    pieces = text.split(sign)
    if release not in text:
        return pieces
    out: list[str] = []
    pending = ""
    for piece in pieces:
        piece = pending + piece
        trailing = len(piece) - len(piece.rstrip(release))
        if trailing % 2:  # an odd run of release signs escapes the separator
            pending = piece[:-1] + "\x00" + sign  # keep it released for the inner splits
            continue
        pending = ""
        out.append(piece)
    if pending:
        out.append(pending)
    return out


def _unescape(value: str, release: str) -> str:
    if release not in value and "\x00" not in value:
        return value
    out, chars, index = [], value, 0
    while index < len(chars):
        char = chars[index]
        if char in (release, "\x00") and index + 1 < len(chars):
            out.append(chars[index + 1])
            index += 2
            continue
        if char != "\x00":
            out.append(char)
        index += 1
    return "".join(out)


def read_segments(text: str) -> tuple[Separators, list[Segment], str]:
    """The separators, the segments of ``text``, and what follows the last terminator.

    Whitespace (line breaks, indentation) between segments is ignored. Raises InvalidInput
    when the interchange does not start with UNA or UNB, or when its separators are not the
    ones it declares (the UNB would not read)."""
    body = text.lstrip("\ufeff \t\r\n")
    separators, rest = _service_advice(body)
    start = rest.lstrip(" \t\r\n")
    if not start.startswith("UNB"):
        raise InvalidInput.for_field("UNB", "an interchange starts with UNA or UNB")
    after = start[3:4]
    if after != separators.element:
        declared = "declared in UNA" if body.startswith("UNA") else "the default (no UNA)"
        raise InvalidInput.for_field(
            "UNA",
            f"UNB is followed by {after!r}, not the element separator {separators.element!r} "
            f"{declared}: the separators declared do not match the interchange",
        )
    line = 1 + body[: len(body) - len(start)].count("\n")
    pieces = _split(start, separators.terminator, separators.release)
    tail = pieces.pop() if pieces else ""
    segments = []
    for position, raw in enumerate(pieces, start=1):
        leading = len(raw) - len(raw.lstrip(" \t\r\n"))
        line += raw.count("\n", 0, leading)
        segments.append(_segment(raw.strip(" \t\r\n"), separators, position, line))
        line += raw.count("\n", leading)
    return separators, segments, tail


def _segment(raw: str, separators: Separators, position: int, line: int) -> Segment:
    release = separators.release
    if release not in raw and "\x00" not in raw:  # the common case: nothing released
        component = separators.component
        elements = raw.split(separators.element)
        head = elements[0].split(component, 1)[0].strip()
        plain = tuple(tuple(element.split(component)) for element in elements[1:])
        return Segment(head.upper(), plain, position, line)
    elements = _split(raw, separators.element, release)
    head = _unescape(_split(elements[0], separators.component, release)[0], release).strip()
    parsed = tuple(
        tuple(
            _unescape(component, release)
            for component in _split(element, separators.component, release)
        )
        for element in elements[1:]
    )
    return Segment(head.upper(), parsed, position, line)
