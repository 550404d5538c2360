"""Which finding codes a run reports (``--select``/``--ignore``), and so which rules run at all."""

from __future__ import annotations

from dataclasses import dataclass

from ..codes import CODES
from ..errors import CommuniqueError
from ..report import Finding


def parse_codes(option: str, value: str | None) -> tuple[str, ...] | None:
    """Codes or prefixes from a comma-separated option value (None when the option is not given).

    An empty value is an error (an unset variable in a script would otherwise select nothing and
    let every corpus pass), as is an item that matches no code.
    """
    if value is None:
        return None
    items = tuple(item.strip().upper() for item in value.split(",") if item.strip())
    if not items:
        raise CommuniqueError(f"{option} is empty; expected codes like E302 or prefixes like E3 (comma-separated)")
    for item in items:
        if not any(code.startswith(item) for code in CODES):
            raise CommuniqueError(
                f"{option}: {item!r} matches no finding code; expected codes like E302 or prefixes like E3"
            )
    return items


@dataclass(frozen=True)
class Selection:
    """The codes to report: those starting with a ``select`` prefix (all when None), less the ``ignore``d."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()

    def wants(self, code: str) -> bool:
        selected = self.select is None or code.startswith(self.select)
        return selected and not (self.ignore and code.startswith(self.ignore))

    def any(self, codes: tuple[str, ...]) -> bool:
        """Whether a rule emitting ``codes`` needs to run."""
        return any(self.wants(code) for code in codes)

    def keep(self, findings: list[Finding]) -> list[Finding]:
        if self.select is None and not self.ignore:
            return findings
        return [f for f in findings if self.wants(f.code)]


ALL = Selection()
