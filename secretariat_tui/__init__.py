"""Registers, fees and reports for the secretariat of a Swedish association."""

APP_NAME = "secretariat-tui"
__version__ = "0.1.0"
