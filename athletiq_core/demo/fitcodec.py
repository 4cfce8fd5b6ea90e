"""Fast FIT encoding on top of fit-tool's profile.

fit-tool knows every FIT message and field (numbers, base types, scales), but
building one Python object per message costs about half a millisecond, so a
one-hour activity would take seconds. Here fit-tool builds each message
*definition* once per process, and data messages are packed with :mod:`struct`
using the scales and offsets fit-tool reports for each field. The file CRC uses
lookup tables derived from fit-tool's own CRC function.

fit-tool is a development dependency, so it is imported only when a FIT file is
written.
"""

from __future__ import annotations

import importlib
import struct
import sys
from array import array
from collections.abc import Sequence
from functools import cache

# Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z).
FIT_EPOCH_S = 631_065_600
# Local message numbers, one per message type so each is defined only once.
_LOCAL_IDS = {
    "file_id": 0,
    "device_info": 1,
    "event": 2,
    "record": 3,
    "lap": 4,
    "session": 5,
    "activity": 6,
}


class MessagePacker:
    """Packs data messages of one FIT message type with a fixed set of fields.

    ``fields`` name fit-tool message properties; values are given in the
    property's units (times in Unix milliseconds, positions in degrees,
    enumerations as their integer values). ``None`` encodes as "invalid".
    """

    def __init__(self, message: str, fields: Sequence[str]) -> None:
        from fit_tool.definition_message import DefinitionMessage
        from fit_tool.record import Record

        template = _template(message, fields)
        definition = DefinitionMessage.from_data_message(template)
        self.definition_bytes = Record.from_message(definition).to_bytes()
        by_id = {template.get_field_by_name(n).field_id: n for n in fields}
        self.order = [by_id[fd.field_id] for fd in definition.field_definitions]
        self._codecs = [_codec(template.get_field_by_name(n)) for n in self.order]
        layout = "".join(fmt for fmt, _, _, _ in self._codecs)
        self._struct = struct.Struct("<B" + layout)
        self._header = _LOCAL_IDS[message]

    def pack(self, columns: dict[str, Sequence[float | None]]) -> bytes:
        """Data messages for equally long ``columns`` keyed by field name."""
        encoded = [
            _encode(columns[name], codec)
            for name, codec in zip(self.order, self._codecs, strict=True)
        ]
        headers = [self._header] * len(encoded[0])
        return b"".join(map(self._struct.pack, headers, *encoded))


def _template(message: str, fields: Sequence[str]):
    # A fit-tool message with every field set (to a value encoding as 1), from
    # which fit-tool derives the definition: field numbers, sizes, base types.
    module = importlib.import_module(f"fit_tool.profile.messages.{message}_message")
    name = "".join(part.title() for part in message.split("_")) + "Message"
    template = getattr(module, name)(local_id=_LOCAL_IDS[message])
    for field_name in fields:
        field = template.get_field_by_name(field_name)
        setattr(template, field_name, 1 / (field.scale or 1) - (field.offset or 0))
    return template


@cache
def packer(message: str, fields: tuple[str, ...]) -> MessagePacker:
    """The (cached) :class:`MessagePacker` of ``message`` with ``fields``."""
    return MessagePacker(message, fields)


def _codec(field) -> tuple[str, float, float, int]:
    scale = field.scale if field.scale is not None else 1.0
    offset = field.offset if field.offset is not None else 0.0
    base = field.base_type
    return base.struct_format, scale, offset * scale + 0.5, base.invalid_raw_value()


def _encode(values: Sequence[float | None], codec) -> list[int]:
    # int(x + 0.5) rounds half up for positive x; for negative values (western
    # longitudes) it is off by one unit of the field, e.g. 1e-7 degrees.
    _, scale, shift, invalid = codec
    if None in values:
        return [invalid if v is None else int(v * scale + shift) for v in values]
    if scale == 1 and shift == 0.5:
        return list(map(round, values))
    return [int(v * scale + shift) for v in values]


class FitWriter:
    """Collects definitions and data messages and assembles the file."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._defined: set[str] = set()

    def add(self, message: str, values: dict[str, float | None]) -> None:
        """Append one ``message`` (fit-tool name, e.g. ``session``)."""
        self.add_columns(message, {name: [value] for name, value in values.items()})

    def add_columns(self, message: str, columns: dict[str, Sequence]) -> None:
        """Append one ``message`` per row of equally long ``columns``."""
        if not columns:
            return
        codec = packer(message, tuple(columns))
        if message not in self._defined:
            self._chunks.append(codec.definition_bytes)
            self._defined.add(message)
        self._chunks.append(codec.pack(columns))

    def file_bytes(self) -> bytes:
        """The complete FIT file: header, records and the file CRC."""
        from fit_tool.fit_file_header import FitFileHeader

        records = b"".join(self._chunks)
        header = FitFileHeader(records_size=len(records), gen_crc=True).to_bytes()
        body = header + records
        return body + struct.pack("<H", crc16(body))


@cache
def _table() -> array:
    from fit_tool.utils.crc import crc16 as reference

    single = [reference(bytes([b])) for b in range(256)]
    # The CRC after one 16-bit word, from a zero start; the CRC is linear, so
    # table[crc ^ word] continues any running CRC over that word. A compact
    # array keeps the table in the processor cache.
    words = array("H", bytes(131072))
    for word in range(65536):
        low = single[word & 0xFF]
        words[word] = (low >> 8) ^ single[(low ^ (word >> 8)) & 0xFF]
    return words


def crc16(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16 of ``data``, one table lookup per two bytes."""
    table = _table()
    even = len(data) - len(data) % 2
    words = array("H", data[:even])
    if sys.byteorder == "big":
        words.byteswap()
    for word in words:
        crc = table[crc ^ word]
    if even < len(data):
        crc = _byte_step(crc, data[-1])
    return crc


def _byte_step(crc: int, byte: int) -> int:
    from fit_tool.utils.crc import crc16 as reference

    return reference(bytes([byte]), crc)
