"""GPX and TCX files cut off mid-recording keep the part that was written."""

from __future__ import annotations

import pytest

from athletiq_core.importing.common import close_cut_short_xml
from athletiq_core.importing.errors import CorruptFileError
from athletiq_core.importing.parsers import parse_bytes
from tests.core.importing.realdata import REAL_DIR

CUT_FILES = [
    "gpx/sports-lib__2067489619.gpx",
    "gpx/GoldenCheetah__UrbanBiker2019-04-18_16-12.gpx",
    "tcx/python-tcxparser__test.tcx",
    "tcx/GoldenCheetah__2009_09_19_09_22_42.tcx",
]


def _cut(name: str, share: float) -> tuple[bytes, bytes]:
    data = (REAL_DIR / name).read_bytes()
    return data, data[: int(len(data) * share)]


@pytest.mark.parametrize("name", CUT_FILES)
@pytest.mark.parametrize("share", [0.4, 0.9])
def test_a_cut_short_file_keeps_every_complete_point(name, share):
    whole, cut = _cut(name, share)

    full = parse_bytes(whole, name)[-1]
    recovered = parse_bytes(cut, name)[-1]

    kept = recovered.sample_count
    assert 0 < kept < full.sample_count
    for key in ("time", "lat", "lng", "heartrate"):
        if key in recovered.streams:
            assert recovered.streams[key] == full.streams[key][:kept], key
    assert recovered.damaged
    assert any(
        "ends early" in warning and "last complete point" in warning
        for warning in recovered.warnings
    )


def test_the_warning_says_how_much_was_recovered():
    _, cut = _cut("tcx/GoldenCheetah__2009_09_19_09_22_42.tcx", 0.5)

    recovered = parse_bytes(cut, "ride.tcx")[-1]

    minutes = round(recovered.streams["time"][-1] / 60)
    hours, rest = divmod(minutes, 60)
    assert f"recovered {hours} h {rest} min" in recovered.warnings[-1]


def test_a_multisport_tcx_cut_in_its_third_leg_keeps_the_first_two_whole():
    name = "tcx/GoldenCheetah__activity_165850259_multi-session.tcx"
    whole, cut = _cut(name, 0.7)

    full = parse_bytes(whole, name)
    recovered = parse_bytes(cut, name)

    assert len(recovered) == 3
    for before, after in zip(full[:2], recovered[:2], strict=True):
        assert after.streams == before.streams and not after.damaged
    assert recovered[2].damaged and not recovered[0].damaged


def test_damage_in_the_middle_is_still_refused():
    data = (REAL_DIR / "gpx/sports-lib__2067489619.gpx").read_bytes()
    middle = len(data) // 2
    broken = data[:middle] + b"</trkseg></gpx><trkpt>" + data[middle:]

    with pytest.raises(CorruptFileError, match="not readable GPX"):
        parse_bytes(broken, "broken.gpx")


def test_closing_adds_the_open_elements_in_order():
    text = '<?xml version="1.0"?><a><!-- c --><b x="1"><p/><p>1</p><p>2'

    assert close_cut_short_xml(text, "p") == (
        '<?xml version="1.0"?><a><!-- c --><b x="1"><p/><p>1</p></b></a>'
    )


def test_a_complete_document_is_not_closed_again():
    assert close_cut_short_xml("<a><p>1</p></a>", "p") is None
