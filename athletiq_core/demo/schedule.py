"""Fixed dates of the demo history: races, two trips abroad and midnight runs.

Races follow the real calendars' habits (the Rotterdam marathon on the second
Sunday of April, New York on the first Sunday of November). The New York trip
spans the end of daylight saving time there, the Tokyo trip puts morning runs on
the previous UTC day, and the midnight runs start just after local midnight, so
local-date grouping is exercised from several sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from athletiq_core.demo.config import HOME_ZONE

SAT, SUN, FRI = 5, 6, 4


@dataclass(frozen=True, slots=True)
class Session:
    """One planned activity: local wall-clock start, zone and what it is."""

    local: datetime
    zone: str
    kind: str
    route: str | None = None
    name: str | None = None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday 0) of a month; ``n`` = -1 for the last."""
    if n < 0:
        nxt = date(year + month // 12, month % 12 + 1, 1)
        last = nxt - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def injury_window(first: date) -> tuple[date, date]:
    """Six weeks without running in the athlete's second year (a calf strain)."""
    start = date(first.year + 1, 2, 10)
    return start, start + timedelta(days=42)


def nyc_marathon_day(last: date) -> date:
    """The New York marathon the athlete runs, two years before the end."""
    return nth_weekday(last.year - 2, 11, SUN, 1)


def tokyo_trip_start(last: date) -> date:
    """First day of the spring trip to Tokyo, the year before the end."""
    return nth_weekday(last.year - 1, 3, SAT, -1)


def fixed_sessions(first: date, last: date) -> list[Session]:
    """Races, trips and midnight runs between ``first`` and ``last`` inclusive."""
    injured = injury_window(first)
    sessions = [*_races(first, last), *_nyc_trip(last), *_tokyo_trip(last)]
    sessions += _midnight_runs(first, last)
    return [
        s
        for s in sessions
        if first <= s.local.date() <= last
        and not (s.kind == "race" and injured[0] <= s.local.date() <= injured[1])
    ]


def _at(day: date, hh: int, mm: int) -> datetime:
    return datetime.combine(day, time(hh, mm))


def _races(first: date, last: date) -> list[Session]:
    out = []
    nyc = nyc_marathon_day(last)
    for year in range(first.year, last.year + 1):
        for route_key, day, hh, mm in _race_days(year, nyc):
            out.append(Session(_at(day, hh, mm), HOME_ZONE, "race", route_key))
    out.append(Session(_at(nyc, 9, 40), "America/New_York", "race", "race_nyc"))
    return out


def _race_days(year: int, nyc: date) -> list[tuple[str, date, int, int]]:
    days = [
        ("race_rijnkade_10k", nth_weekday(year, 2, SUN, -1), 11, 0),
        ("race_sonsbeek_5k", nth_weekday(year, 3, SAT, 2), 10, 0),
        ("race_veluwezoom_half", nth_weekday(year, 5, SUN, 3), 10, 0),
        ("race_meinerswijk_5k", nth_weekday(year, 6, FRI, -1), 19, 30),
        ("race_stadsloop_10k", nth_weekday(year, 9, SUN, 2), 11, 0),
    ]
    if year % 2:
        days.append(("race_egmond_half", nth_weekday(year, 1, SUN, 2), 11, 30))
    if year % 2 == 0:
        days.append(("race_rotterdam", nth_weekday(year, 4, SUN, 2), 10, 0))
    elif year != nyc.year:
        days.append(("race_amsterdam", nth_weekday(year, 10, SUN, 3), 9, 30))
    if year != nyc.year:
        days.append(("race_zevenheuvelen_15k", nth_weekday(year, 11, SUN, 3), 12, 45))
    return days


def _nyc_trip(last: date) -> list[Session]:
    sunday = nyc_marathon_day(last)
    plan = [
        (-3, 21, 40, "walk", "ny_high_line", "Times Square by night 🌃"),
        (-2, 7, 10, "easy", "ny_central_park", "Shakeout in Central Park 🍎"),
        (-1, 10, 30, "walk", "ny_brooklyn", "Brooklyn Bridge & DUMBO 🌉"),
        (1, 11, 0, "walk", "ny_high_line", "Recovery walk – High Line"),
        (2, 20, 45, "easy", "ny_hudson", "Hudson River Greenway at dusk"),
    ]
    return _trip(sunday, "America/New_York", plan)


def _tokyo_trip(last: date) -> list[Session]:
    start = tokyo_trip_start(last)
    plan = [
        (0, 17, 30, "walk", "tk_asakusa", "浅草 & 上野 🌸"),
        (1, 6, 0, "easy", "tk_palace", "皇居ラン 🏃‍♀️🌸"),
        (2, 6, 15, "easy", "tk_sumida", "Sumida River run / 隅田川"),
        (3, 5, 50, "easy", "tk_palace", None),
        (4, 10, 0, "walk", "tk_asakusa", "Ueno park hanami 🌸"),
        (5, 6, 5, "easy", "tk_sumida", None),
        (6, 6, 0, "easy", "tk_palace", "さようなら東京 – last 皇居ラン"),
    ]
    return _trip(start, "Asia/Tokyo", plan)


def _trip(anchor: date, zone: str, plan: list) -> list[Session]:
    return [
        Session(_at(anchor + timedelta(days=d), hh, mm), zone, kind, route, name)
        for d, hh, mm, kind, route, name in plan
    ]


def trip_days(last: date) -> set[date]:
    """Days spent abroad, seen from home: no other activities happen on them."""
    nyc, tokyo = nyc_marathon_day(last), tokyo_trip_start(last)
    days = {nyc + timedelta(days=d) for d in range(-4, 4)}
    return days | {tokyo + timedelta(days=d) for d in range(-1, 8)}


def _midnight_runs(first: date, last: date) -> list[Session]:
    # New Year's Day and the Saturday night before the last Sunday of June.
    out = []
    for year in range(first.year, last.year + 2):
        new_year = _at(date(year, 1, 1), 0, 7)
        summer = _at(nth_weekday(year, 6, SUN, -1), 0, 12)
        out += [
            Session(new_year, HOME_ZONE, "easy", "sonsbeek", "Nieuwjaarsloop 🎆"),
            Session(summer, HOME_ZONE, "easy", "bridges", "Midnight run 🌙"),
        ]
    return out
