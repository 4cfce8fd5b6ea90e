"""Pure training analytics: no database, no clock, no UI.

Each module takes plain numbers (metres, seconds, m/s, watts, bpm, local dates) and
returns plain results, so the desktop app, the LAN server and the command line all
compute the same figures from the same inputs.
"""
