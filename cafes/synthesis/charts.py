"""Bar charts drawn on the server as SVG: no chart library, no script, a data table beside each."""
from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float  # 0..100
    text_y: int

    @property
    def x_rtl(self) -> float:
        return round(100 - self.width, 2)


def bars(rows: list[tuple[str, int]]) -> dict:
    """Geometry for a horizontal bar chart of (label, value) rows."""
    rows = [(str(label), int(value or 0)) for label, value in rows]
    top = max((v for _l, v in rows), default=0)
    items = []
    for i, (label, value) in enumerate(rows):
        y = i * (BAR_HEIGHT + GAP)
        items.append(Bar(label, value, y, round(value / top * 100, 2) if top else 0, y + BAR_HEIGHT - 6))
    return {"bars": items, "height": max(len(items) * (BAR_HEIGHT + GAP) - GAP, 0), "max": top}
