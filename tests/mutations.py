"""Byte-level damage to activity files, shared by the fuzz test and benchmark."""

from __future__ import annotations

KINDS = ("flip", "overwrite", "insert", "delete", "truncate")


def apply_mutation(
    data: bytes, kind: str, at: int, value: int, size: int, bit: int = 0
) -> bytes:
    """``data`` with one mutation at byte ``at``: flip ``bit`` of that byte,
    overwrite or insert ``size`` bytes of ``value``, delete ``size`` bytes, or cut
    the file short there."""
    if not data:
        return bytes([value]) * size if kind == "insert" else data
    at = min(max(at, 0), len(data) - 1)
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ (1 << bit % 8)]) + data[at + 1 :]
    if kind == "overwrite":
        return data[:at] + bytes([value]) * size + data[at + size :]
    if kind == "insert":
        return data[:at] + bytes([value]) * size + data[at:]
    if kind == "delete":
        return data[:at] + data[at + size :]
    return data[:at]
