"""A key figure is held to its slowest key, not its median: five quick keys and one slow one
are a miss (issue 18), and the results table shows p95 and the slowest beside the median."""

from __future__ import annotations

from benchmarks.run import Figure, Target, figure_row

KEYS = [0.010] * 19 + [0.080]


def test_a_key_figure_misses_its_target_on_one_slow_key_that_the_median_hides() -> None:
    slowest = Figure("key-register", "keys", KEYS, target=Target("ms", 50, of="slowest"))
    median = Figure("key-register", "keys", KEYS, target=Target("ms", 50))
    assert (slowest.median, slowest.slowest) == (0.010, 0.080)
    assert slowest.holds() is False
    assert median.holds() is True


def test_the_table_row_shows_the_p95_and_the_slowest_key_of_a_key_figure_only() -> None:
    keys = Figure("key-register", "keys", KEYS, target=Target("ms", 50, of="slowest"))
    row = figure_row(keys).split(" | ")
    assert row[1:4] == ["10.0 ms", "13.5 ms", "80.0 ms"]  # median, p95, slowest
    assert row[-2:] == ["slowest ≤ 50 ms", "**no** |"]
    whole = Figure("open", "open", [0.2, 0.3], target=Target("ratio", 2), baseline_runs=[0.2])
    assert figure_row(whole).split(" | ")[2:4] == ["—", "—"]
