"""Talking to Strava: OAuth, the HTTP client, errors and the rate-limit governor."""
