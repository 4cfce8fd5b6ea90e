"""Athletiq desktop app (PySide6)."""
