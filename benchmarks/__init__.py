"""Benchmarks on a generated ten-year register (issue 7): ``make bench``; see README."""

from datetime import date

TODAY = date(2025, 11, 14)
"""The benchmarks' today: 2025, the last year of the register, is nearly over (its calendar
is full) and a few ends of membership lie ahead."""
