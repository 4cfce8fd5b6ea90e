"""Athletiq headless LAN server (Flask on waitress)."""
