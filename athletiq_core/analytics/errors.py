"""The error analytics functions raise when handed a value they cannot use."""

from athletiq_core.errors import AthletiqError


class AnalyticsError(AthletiqError, ValueError):
    """An input is out of the range a calculation accepts; the message names it."""
