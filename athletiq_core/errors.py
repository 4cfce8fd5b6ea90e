"""The base of every error Athletiq raises on purpose.

Each error carries a message written for the user: what was wrong and what to do.
"""


class AthletiqError(Exception):
    """An expected failure with a message fit to show the user."""


class ConfigurationError(AthletiqError):
    """A setting or environment variable has a value Athletiq cannot use."""


class NotConnectedError(AthletiqError):
    """No Strava account is connected for the athlete asked about."""
