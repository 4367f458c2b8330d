"""Server-rendered, accessible SVG bar charts: a title and description for assistive technology
(role="img", aria-labelledby), no script, no external resources. The page always shows the same numbers in a
table beside the chart, so nobody depends on the picture."""

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 480
BAR_AREA_HEIGHT = 160
LABEL_HEIGHT = 40


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def bar_chart(*, chart_id: str, title: str, description: str, bars: list[Bar]) -> SafeString:
    top = max((b.value for b in bars), default=0) or 1
    step = WIDTH / max(len(bars), 1)
    bar_width = max(step * 0.7, 2)
    parts = [
        f'<svg class="lk-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {WIDTH} {BAR_AREA_HEIGHT + LABEL_HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<line x1="0" y1="{BAR_AREA_HEIGHT}" x2="{WIDTH}" y2="{BAR_AREA_HEIGHT}" stroke="#0b0c0c" stroke-width="1"/>',
    ]
    for index, bar in enumerate(bars):
        height = round(bar.value / top * (BAR_AREA_HEIGHT - 20))
        x = round(index * step + (step - bar_width) / 2, 1)
        y = BAR_AREA_HEIGHT - height
        parts.append(
            f'<rect x="{x}" y="{y}" width="{round(bar_width, 1)}" height="{height}" fill="#1d70b8">'
            f"<title>{escape(bar.label)}: {bar.value}</title></rect>"
        )
        middle = round(index * step + step / 2, 1)
        parts.append(
            f'<text x="{middle}" y="{y - 4}" font-size="12" text-anchor="middle" fill="#0b0c0c">{bar.value}</text>'
        )
        parts.append(
            f'<text x="{middle}" y="{BAR_AREA_HEIGHT + 16}" font-size="11" text-anchor="middle" '
            f'fill="#0b0c0c">{escape(bar.label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text inside is escaped above
