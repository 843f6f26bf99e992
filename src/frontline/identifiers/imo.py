"""IMO ship identification numbers ("IMO 9074729")."""

from __future__ import annotations

from stdnum import imo
from stdnum.exceptions import InvalidChecksum, ValidationError

from frontline.errors import InvalidInput

__all__ = ["normalise_imo"]


def normalise_imo(raw: str, *, field: str = "imo") -> str:
    """The seven digits of an IMO number, with or without the ``IMO`` prefix; check digit checked.

    python-stdnum does the work: it is the maintained, widely used implementation of the
    weighted check digit and the ``IMO`` prefix rules, and is already a dependency.
    """
    try:
        return str(imo.validate(raw.replace("-", " ")))
    except InvalidChecksum:
        raise InvalidInput.for_field(
            field, f"{raw!r}: the IMO check digit does not match"
        ) from None
    except ValidationError:
        raise InvalidInput.for_field(field, f"{raw!r} is not seven digits after 'IMO'") from None
