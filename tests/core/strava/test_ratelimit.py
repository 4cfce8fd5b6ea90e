"""The rate-limit governor: header parsing, window boundaries and budget decisions."""

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone

import pytest

from athletiq_core.strava.ratelimit import (
    BudgetState,
    Cancelled,
    Governor,
    Priority,
    RateLimitSnapshot,
    Usage,
    decide,
    get_governor,
    next_quarter_hour,
    next_utc_midnight,
    parse_headers,
    reset_registry,
)

FG, BG = Priority.FOREGROUND, Priority.BACKGROUND


def at(hour: int, minute: int = 0, second: int = 0, day: int = 1) -> datetime:
    return datetime(2026, 5, day, hour, minute, second, tzinfo=UTC)


def strava_headers(read: tuple[int, int], overall: tuple[int, int] | None = None):
    overall = overall or read
    return {
        "X-RateLimit-Limit": "200,2000",
        "X-RateLimit-Usage": f"{overall[0]},{overall[1]}",
        "X-ReadRateLimit-Limit": "100,1000",
        "X-ReadRateLimit-Usage": f"{read[0]},{read[1]}",
    }


def state_with(read: Usage, observed_at: datetime, overall: Usage | None = None):
    overall = overall or Usage(read.short_used, 200, read.daily_used, 2000)
    return BudgetState(RateLimitSnapshot(overall, read, observed_at))


# Header parsing


def test_headers_are_read_whatever_their_case():
    headers = {
        "x-ratelimit-limit": "200,2000",
        "X-RATELIMIT-USAGE": "15,123",
        "X-ReadRateLimit-Limit": "100, 1000",
        "x-readratelimit-usage": " 14,120 ",
    }

    snapshot = parse_headers(headers, at(12))

    assert snapshot == RateLimitSnapshot(
        Usage(15, 200, 123, 2000), Usage(14, 100, 120, 1000), at(12)
    )


def test_a_bucket_missing_from_the_headers_is_left_out():
    headers = {"X-RateLimit-Limit": "200,2000", "X-RateLimit-Usage": "15,123"}

    snapshot = parse_headers(headers, at(12))

    assert snapshot.overall == Usage(15, 200, 123, 2000)
    assert snapshot.read is None


@pytest.mark.parametrize(
    "junk", ["", "abc", "1,2,3", "-1,5", "1.5,2", "１,2", "1_0,2", ",", "7"]
)
def test_junk_usage_values_are_ignored_without_raising(junk):
    headers = {"X-RateLimit-Limit": "200,2000", "X-RateLimit-Usage": junk}

    assert parse_headers(headers, at(12)) is None


def test_zero_limits_and_non_text_values_are_ignored():
    headers = {
        "X-RateLimit-Limit": "0,0",
        "X-RateLimit-Usage": "1,1",
        "X-ReadRateLimit-Limit": None,
        "X-ReadRateLimit-Usage": b"1,1",
    }

    assert parse_headers(headers, at(12)) is None
    assert parse_headers({}, at(12)) is None


# Window boundaries


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(12, 14, 59), at(12, 15)),
        (at(12, 15), at(12, 30)),
        (at(12, 15) + timedelta(microseconds=1), at(12, 30)),
        (at(12, 59, 59), at(13)),
        (at(23, 50), at(0, day=2)),
    ],
)
def test_next_quarter_hour(now, expected):
    assert next_quarter_hour(now) == expected


def test_next_utc_midnight_is_strictly_after_now():
    assert next_utc_midnight(at(23, 50)) == at(0, day=2)
    assert next_utc_midnight(at(0)) == at(0, day=2)


def test_boundaries_are_computed_in_utc_for_any_offset():
    paris = timezone(timedelta(hours=2))
    now = datetime(2026, 5, 2, 1, 50, tzinfo=paris)  # 23:50 UTC on 1 May

    assert next_utc_midnight(now) == at(0, day=2)
    assert next_quarter_hour(now) == at(0, day=2)


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        next_quarter_hour(datetime(2026, 5, 1, 12))


# Decisions


def test_background_stops_at_90_of_100_while_foreground_goes_to_100():
    allowed_at_89 = decide(state_with(Usage(89, 100, 89, 1000), at(12)), at(12), BG)
    stopped_at_90 = decide(state_with(Usage(90, 100, 90, 1000), at(12)), at(12), BG)
    foreground_99 = decide(state_with(Usage(99, 100, 99, 1000), at(12)), at(12), FG)
    foreground_100 = decide(state_with(Usage(100, 100, 100, 1000), at(12)), at(12), FG)

    assert allowed_at_89.allowed
    assert not stopped_at_90.allowed
    assert stopped_at_90.window == "15-minute"
    assert stopped_at_90.wait_until == at(12, 15)
    assert foreground_99.allowed
    assert not foreground_100.allowed


def test_spent_daily_read_budget_waits_until_midnight_naming_the_day():
    state = state_with(Usage(3, 100, 1000, 1000), at(15, 2))

    decision = decide(state, at(15, 3), FG)

    assert not decision.allowed
    assert decision.window == "daily"
    assert decision.wait_until == at(0, day=2)
    assert "daily" in decision.reason


def test_background_leaves_a_small_daily_reserve():
    assert decide(state_with(Usage(0, 100, 989, 1000), at(9)), at(9), BG).allowed
    assert decide(state_with(Usage(0, 100, 990, 1000), at(9)), at(9), BG).window == (
        "daily"
    )
    assert decide(state_with(Usage(0, 100, 990, 1000), at(9)), at(9), FG).allowed


def test_the_overall_bucket_is_checked_too():
    state = state_with(Usage(10, 100, 10, 1000), at(12), Usage(200, 200, 500, 2000))

    decision = decide(state, at(12), FG)

    assert not decision.allowed
    assert "overall" in decision.reason


def test_usage_rolls_over_at_the_boundary_without_new_headers():
    spent_window = state_with(Usage(100, 100, 400, 1000), at(12, 10))
    spent_day = state_with(Usage(5, 100, 1000, 1000), at(23, 59))

    assert not decide(spent_window, at(12, 14, 59), FG).allowed
    assert decide(spent_window, at(12, 15), FG).allowed
    assert not decide(spent_day, at(23, 59, 59), FG).allowed
    assert decide(spent_day, at(0, day=2), FG).allowed


def test_a_reserve_larger_than_the_limit_never_blocks_background_entirely():
    state = state_with(Usage(4, 10, 4, 1000), at(12))

    assert decide(state, at(12), BG, foreground_reserve=50).allowed


# The governor


def test_requests_sent_but_not_yet_answered_are_counted():
    governor = Governor()
    governor.try_acquire(at(12), BG)
    governor.observe(strava_headers((85, 300)), at(12))

    allowed = [governor.try_acquire(at(12, 1), BG).allowed for _ in range(6)]

    assert allowed == [True] * 5 + [False]


def test_a_jump_in_usage_from_another_client_is_respected():
    governor = Governor()
    governor.try_acquire(at(12, 3), FG)

    governor.observe(strava_headers((101, 500)), at(12, 3))  # someone else's 429
    governor.note_rate_limited(at(12, 3), "read rate limit")
    decision = governor.try_acquire(at(12, 4), FG)

    assert not decision.allowed
    assert decision.wait_until == at(12, 15)


def test_a_429_without_headers_spends_the_window():
    governor = Governor()

    decision = governor.note_rate_limited(at(12, 3), "rate limit")

    assert not decision.allowed
    assert decision.window == "15-minute"
    assert governor.try_acquire(at(12, 15), FG).allowed


def test_a_429_with_the_daily_count_reached_names_the_day():
    governor = Governor()
    governor.try_acquire(at(18), FG)
    governor.observe(strava_headers((40, 1000), (40, 1000)), at(18))

    decision = governor.note_rate_limited(at(18), "read rate limit")

    assert decision.window == "daily"
    assert decision.wait_until == at(0, day=2)
    assert not governor.try_acquire(at(18, 15), FG).allowed


def test_an_overall_429_marks_only_the_overall_bucket():
    governor = Governor()

    governor.note_rate_limited(at(12, 3), "overall rate limit")
    snapshot = governor.snapshot()

    assert snapshot.overall.short_used == 200
    assert snapshot.read.short_used == 0


def test_a_late_answer_cannot_lower_the_count():
    governor = Governor()
    for _ in range(2):
        governor.try_acquire(at(12, 1), FG)

    governor.observe(strava_headers((60, 300)), at(12, 1, 1))
    governor.observe(strava_headers((59, 299)), at(12, 1, 2))

    assert governor.snapshot().read == Usage(60, 100, 300, 1000)


def test_a_count_sent_before_midnight_is_not_carried_into_the_new_day():
    governor = Governor()
    governor.try_acquire(at(23, 59, 59), BG)

    governor.observe(strava_headers((80, 989)), at(0, 0, 1, day=2))

    assert governor.snapshot().read.daily_used == 0
    assert governor.try_acquire(at(0, 0, 2, day=2), BG).allowed


def test_restore_starts_from_a_stored_snapshot():
    governor = Governor()
    stored = RateLimitSnapshot(None, Usage(95, 100, 200, 1000), at(12, 2))

    governor.restore(stored)

    assert not governor.try_acquire(at(12, 3), BG).allowed
    assert governor.try_acquire(at(12, 15), BG).allowed


def test_wait_and_acquire_sleeps_until_the_window_resets():
    governor = Governor(wake_margin_s=1.0, max_wait_chunk_s=600.0)
    governor.restore(RateLimitSnapshot(None, Usage(90, 100, 90, 1000), at(12, 10)))
    clock = [at(12, 10)]
    waits = []

    decision = governor.wait_and_acquire(
        BG,
        lambda: clock[0],
        sleep=lambda s: clock.__setitem__(0, clock[0] + timedelta(seconds=s)),
        on_wait=waits.append,
    )

    assert decision.allowed
    assert clock[0] == at(12, 15, 1)
    assert [w.wait_until for w in waits] == [at(12, 15)]


def test_wait_and_acquire_wakes_at_least_once_a_chunk():
    governor = Governor(max_wait_chunk_s=60.0)
    governor.note_rate_limited(at(12, 0), "read rate limit")
    clock = [at(12, 0)]
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        clock[0] += timedelta(seconds=seconds)

    governor.wait_and_acquire(FG, lambda: clock[0], sleep=sleep)

    assert max(sleeps) <= 60.0
    assert clock[0] >= at(12, 15)


def test_wait_and_acquire_raises_cancelled_when_stopped():
    governor = Governor()
    governor.note_rate_limited(at(12), "rate limit")
    stop = threading.Event()

    with pytest.raises(Cancelled):
        governor.wait_and_acquire(
            FG, lambda: at(12), stop=stop, on_wait=lambda _: stop.set()
        )


def test_concurrent_jobs_never_exceed_the_budget():
    governor = Governor()
    results = []

    def job():
        results.extend(governor.try_acquire(at(12, 5), BG).allowed for _ in range(40))

    threads = [threading.Thread(target=job) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results.count(True) == 90


def test_one_governor_per_client_id():
    reset_registry()

    first = get_governor("12345")

    assert get_governor(12345) is first
    assert get_governor("999") is not first
    reset_registry()
    assert get_governor("12345") is not first


# A simulated day against a server that counts like Strava


class FakeStravaCounter:
    """Counts requests per window like Strava does, 429s included."""

    def __init__(self):
        self.counts = Counter()

    def request(self, now: datetime) -> tuple[int, dict[str, str]]:
        short, day = next_quarter_hour(now), next_utc_midnight(now)
        self.counts[short] += 1
        self.counts[day] += 1
        used = (self.counts[short], self.counts[day])
        over = used[0] > 100 or used[1] > 1000
        return (429 if over else 200), strava_headers(used, used)


def simulate_day(parallel: int, priority: Priority) -> tuple[int, int]:
    governor, server = Governor(), FakeStravaCounter()
    now, end = at(0), at(0, day=2)
    succeeded = rejected = 0
    while now < end:
        decisions = [governor.try_acquire(now, priority) for _ in range(parallel)]
        sent = sum(d.allowed for d in decisions)
        answers = [server.request(now) for _ in range(sent)]
        for status, headers in reversed(answers):
            governor.observe(headers, now + timedelta(milliseconds=300))
            succeeded += status == 200
            rejected += status == 429
        now = _next_moment(now, decisions)
    return succeeded, rejected


def _next_moment(now, decisions):
    if any(d.allowed for d in decisions):
        return now + timedelta(seconds=1)
    assert decisions[0].wait_until > now
    return decisions[0].wait_until


@pytest.mark.parametrize("parallel", [1, 3])
def test_a_background_day_uses_at_least_97_percent_of_reads_without_overshoot(
    parallel,
):
    succeeded, rejected = simulate_day(parallel, BG)

    assert rejected == 0
    assert succeeded >= 970


def test_a_foreground_day_uses_the_whole_read_budget_without_overshoot():
    succeeded, rejected = simulate_day(1, FG)

    assert (succeeded, rejected) == (1000, 0)
