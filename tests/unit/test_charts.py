"""Server-drawn bar charts without a database: geometry from (label, value) rows."""
from cafes.synthesis import charts


def test_bars_scale_to_the_largest_value_and_stack_downwards():
    chart = charts.bars([("Blois", 10), ("Rabat", 5), ("Lyon", None)])
    assert chart["max"] == 10
    assert [(b.label, b.value, b.width) for b in chart["bars"]] == [("Blois", 10, 100.0), ("Rabat", 5, 50.0), ("Lyon", 0, 0)]
    step = charts.BAR_HEIGHT + charts.GAP
    assert [b.y for b in chart["bars"]] == [0, step, 2 * step]
    assert chart["height"] == 3 * step - charts.GAP
    assert chart["bars"][1].x_rtl == 50.0  # right-to-left bars grow from the right edge


def test_an_empty_or_all_zero_chart_draws_nothing_and_divides_by_nothing():
    assert charts.bars([]) == {"bars": [], "height": 0, "max": 0}
    chart = charts.bars([(1, 0), ("b", "0")])
    assert [b.width for b in chart["bars"]] == [0, 0] and chart["bars"][0].label == "1"


def test_widths_are_rounded_to_two_decimals():
    assert [b.width for b in charts.bars([("a", 3), ("b", 1)])["bars"]] == [100.0, 33.33]
