"""The data model (peewee). One database holds any number of athletes.

Times: ``*_utc`` / ``start_date`` columns hold naive UTC datetimes; ``start_date_local``
is the athlete's wall-clock time at the start, and ``local_date`` plus the ISO
year/week columns derived from it drive every calendar grouping. Distances are
metres, durations seconds, speeds metres per second.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BigIntegerField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()

DETAIL_MISSING = "missing"
DETAIL_FETCHED = "fetched"
DETAIL_FAILED = "failed"
DETAIL_GONE = "gone"
DETAIL_STATES = (DETAIL_MISSING, DETAIL_FETCHED, DETAIL_FAILED, DETAIL_GONE)


def utcnow() -> dt.datetime:
    """The current time as a naive UTC datetime, the form the database stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row: the schema version the database has been upgraded to."""

    version = IntegerField()
    upgraded_at = DateTimeField(default=utcnow)


class Setting(BaseModel):
    """A stored setting value (JSON text), declared in :mod:`athletiq_core.settings`."""

    key = CharField(primary_key=True)
    value = TextField()


class Athlete(BaseModel):
    """An athlete: connected to Strava (``strava_id`` set) or fed by files only."""

    strava_id = BigIntegerField(null=True, unique=True)
    firstname = CharField(default="")
    lastname = CharField(default="")
    city = CharField(null=True)
    country = CharField(null=True)
    sex = CharField(null=True)  # "M" / "F"
    birth_date = DateField(null=True)
    measurement_preference = CharField(null=True)  # "meters" / "feet"
    ftp = IntegerField(null=True)
    weight = FloatField(null=True)  # kg
    history_complete = BooleanField(default=False)
    # Start (epoch s, UTC) of the oldest activity listed so far while the first sync
    # walks back through history; the next sync carries on from here.
    history_before = BigIntegerField(null=True)
    last_sync_at = DateTimeField(null=True)
    raw_json = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    # Thresholds the user set; when absent, analytics estimate them from the data.
    max_hr = IntegerField(null=True)
    rest_hr = IntegerField(null=True)
    threshold_hr = IntegerField(null=True)
    threshold_pace = FloatField(null=True)  # m/s

    @property
    def name(self) -> str:
        return f"{self.firstname} {self.lastname}".strip() or f"Athlete {self.id}"


class StravaCredential(BaseModel):
    """OAuth tokens of one athlete for one Strava API app. Never logged."""

    athlete = ForeignKeyField(Athlete, unique=True, on_delete="CASCADE")
    client_id = CharField()
    access_token = TextField()
    refresh_token = TextField()
    expires_at = BigIntegerField()  # epoch seconds
    scopes = TextField(default="")  # comma-separated, as granted
    updated_at = DateTimeField(default=utcnow)


class RateLimitState(BaseModel):
    """The last rate-limit usage Strava reported for an API app (client id)."""

    client_id = CharField(primary_key=True)
    overall_short_used = IntegerField(null=True)
    overall_short_limit = IntegerField(null=True)
    overall_daily_used = IntegerField(null=True)
    overall_daily_limit = IntegerField(null=True)
    read_short_used = IntegerField(null=True)
    read_short_limit = IntegerField(null=True)
    read_daily_used = IntegerField(null=True)
    read_daily_limit = IntegerField(null=True)
    observed_at = DateTimeField()


class Gear(BaseModel):
    """Shoes (``g…`` ids) and bikes (``b…`` ids)."""

    id = CharField(primary_key=True)
    athlete = ForeignKeyField(Athlete, on_delete="CASCADE")
    name = CharField(default="")
    kind = CharField(default="shoe")  # "shoe" / "bike"
    brand_name = CharField(null=True)
    model_name = CharField(null=True)
    distance = FloatField(default=0.0)
    primary = BooleanField(default=False)
    retired = BooleanField(default=False)
    retire_at_distance = FloatField(null=True)
    raw_json = TextField(null=True)


class Activity(BaseModel):
    """One activity, from the API, the Strava archive or a device file."""

    athlete = ForeignKeyField(Athlete, on_delete="CASCADE")
    strava_id = BigIntegerField(null=True, unique=True)
    external_id = CharField(null=True)
    upload_id = BigIntegerField(null=True)
    name = CharField(default="")
    sport_type = CharField()
    type = CharField(null=True)
    start_date = DateTimeField()  # UTC
    start_date_local = DateTimeField()  # wall clock
    timezone = CharField(null=True)  # IANA name
    utc_offset = IntegerField(default=0)  # seconds
    local_date = DateField()
    local_year = IntegerField()
    local_month = IntegerField()
    iso_year = IntegerField()
    iso_week = IntegerField()
    distance = FloatField(default=0.0)
    moving_time = IntegerField(default=0)
    elapsed_time = IntegerField(default=0)
    total_elevation_gain = FloatField(default=0.0)
    elev_high = FloatField(null=True)
    elev_low = FloatField(null=True)
    average_speed = FloatField(null=True)
    max_speed = FloatField(null=True)
    has_heartrate = BooleanField(default=False)
    average_heartrate = FloatField(null=True)
    max_heartrate = FloatField(null=True)
    average_cadence = FloatField(null=True)
    average_watts = FloatField(null=True)
    weighted_average_watts = FloatField(null=True)
    max_watts = FloatField(null=True)
    device_watts = BooleanField(default=False)
    kilojoules = FloatField(null=True)
    calories = FloatField(null=True)
    suffer_score = FloatField(null=True)
    workout_type = IntegerField(null=True)
    gear_id = CharField(null=True)
    trainer = BooleanField(default=False)
    commute = BooleanField(default=False)
    manual = BooleanField(default=False)
    private = BooleanField(default=False)
    visibility = CharField(null=True)
    flagged = BooleanField(default=False)
    kudos_count = IntegerField(default=0)
    achievement_count = IntegerField(default=0)
    pr_count = IntegerField(default=0)
    start_lat = FloatField(null=True)
    start_lng = FloatField(null=True)
    end_lat = FloatField(null=True)
    end_lng = FloatField(null=True)
    summary_polyline = TextField(null=True)
    device_name = CharField(null=True)
    raw_json = TextField(null=True)
    deleted = BooleanField(default=False)
    deleted_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    # Detail (schema 2): what the activity detail endpoint or a file adds.
    description = TextField(null=True)
    polyline = TextField(null=True)  # full polyline, precision 5
    detail_state = CharField(default=DETAIL_MISSING)
    detail_attempts = IntegerField(default=0)
    detail_error = TextField(null=True)
    detail_priority = IntegerField(default=0)  # > 0 jumps the backfill queue
    detail_fetched_at = DateTimeField(null=True)
    race_override = BooleanField(null=True)  # user says race (True) / not (False)
    multisport_group = CharField(null=True)
    sources = CharField(default="api")  # comma-separated: api, archive, file

    class Meta:
        indexes = (
            (("athlete", "start_date"), False),
            (("athlete", "iso_year", "iso_week"), False),
        )


class SyncRun(BaseModel):
    """A record of one sync: when, what it cost and what it changed."""

    athlete = ForeignKeyField(Athlete, on_delete="CASCADE")
    kind = CharField()  # "incremental" / "full"
    started_at = DateTimeField(default=utcnow)
    finished_at = DateTimeField(null=True)
    status = CharField(default="running")  # running / ok / failed / interrupted
    requests = IntegerField(default=0)
    listed = IntegerField(default=0)
    inserted = IntegerField(default=0)
    updated = IntegerField(default=0)
    deleted = IntegerField(default=0)
    skipped = IntegerField(default=0)
    error = TextField(null=True)


class Split(BaseModel):
    """A kilometre (``metric``) or mile (``standard``) split of an activity."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    kind = CharField()  # "metric" / "standard"
    split = IntegerField()  # 1-based
    distance = FloatField()
    elapsed_time = IntegerField()
    moving_time = IntegerField()
    elevation_difference = FloatField(null=True)
    average_speed = FloatField(null=True)
    average_heartrate = FloatField(null=True)
    pace_zone = IntegerField(null=True)

    class Meta:
        indexes = ((("activity", "kind", "split"), True),)


class Lap(BaseModel):
    """A lap as the device or Strava recorded it."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    lap_index = IntegerField()
    strava_id = BigIntegerField(null=True)
    name = CharField(null=True)
    elapsed_time = IntegerField()
    moving_time = IntegerField(null=True)
    distance = FloatField(default=0.0)
    start_index = IntegerField(null=True)
    end_index = IntegerField(null=True)
    total_elevation_gain = FloatField(null=True)
    average_speed = FloatField(null=True)
    max_speed = FloatField(null=True)
    average_cadence = FloatField(null=True)
    average_watts = FloatField(null=True)
    average_heartrate = FloatField(null=True)
    max_heartrate = FloatField(null=True)

    class Meta:
        indexes = ((("activity", "lap_index"), True),)


class BestEffort(BaseModel):
    """The fastest time over a standard distance within one activity."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    distance_key = CharField()  # key from athletiq_core.distances
    distance = FloatField()
    elapsed_time = IntegerField()
    moving_time = IntegerField(null=True)
    start_index = IntegerField(null=True)
    end_index = IntegerField(null=True)
    pr_rank = IntegerField(null=True)
    source = CharField(default="strava")  # "strava" / "streams"

    class Meta:
        indexes = (
            (("activity", "distance_key"), True),
            (("distance_key", "elapsed_time"), False),
        )


class Segment(BaseModel):
    """A Strava segment, as summarised in the efforts of an activity."""

    id = BigIntegerField(primary_key=True)
    name = CharField(default="")
    activity_type = CharField(null=True)
    distance = FloatField(default=0.0)
    average_grade = FloatField(null=True)
    maximum_grade = FloatField(null=True)
    elevation_high = FloatField(null=True)
    elevation_low = FloatField(null=True)
    start_lat = FloatField(null=True)
    start_lng = FloatField(null=True)
    end_lat = FloatField(null=True)
    end_lng = FloatField(null=True)
    climb_category = IntegerField(null=True)
    city = CharField(null=True)
    state = CharField(null=True)
    country = CharField(null=True)
    private = BooleanField(default=False)
    hazardous = BooleanField(default=False)


class SegmentEffort(BaseModel):
    """One ride or run over a segment. Ids are 64-bit (above 2**53)."""

    id = BigIntegerField(primary_key=True)
    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    segment = ForeignKeyField(Segment, on_delete="CASCADE")
    elapsed_time = IntegerField()
    moving_time = IntegerField(null=True)
    start_index = IntegerField(null=True)
    end_index = IntegerField(null=True)
    start_date = DateTimeField(null=True)  # UTC
    start_date_local = DateTimeField(null=True)
    pr_rank = IntegerField(null=True)
    kom_rank = IntegerField(null=True)
    hidden = BooleanField(default=False)
    average_heartrate = FloatField(null=True)
    average_watts = FloatField(null=True)

    class Meta:
        indexes = ((("segment", "elapsed_time"), False),)


class ActivityStreams(BaseModel):
    """All streams of an activity in one compressed blob (see streams.encode)."""

    activity = ForeignKeyField(Activity, primary_key=True, on_delete="CASCADE")
    data = BlobField()
    keys = CharField()  # comma-separated canonical keys, for cheap listing
    points = IntegerField()
    source = CharField(default="strava")  # "strava" / "fit" / "gpx" / "tcx"
    stored_at = DateTimeField(default=utcnow)


class PeakPower(BaseModel):
    """Best average power (W) over a duration (s) within one ride."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    duration = IntegerField()
    watts = FloatField()

    class Meta:
        indexes = ((("activity", "duration"), True),)


class ActivitySource(BaseModel):
    """Where an activity's data came from: the API, an archive row or a file."""

    activity = ForeignKeyField(Activity, on_delete="CASCADE")
    kind = CharField()  # "api" / "archive" / "fit" / "gpx" / "tcx"
    reference = TextField()  # file path inside the archive or on disk
    content_hash = CharField(null=True)  # sha256 of the file bytes
    imported_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("kind", "content_hash"), False),)


class JobState(BaseModel):
    """Persistent state of a long job (e.g. the detail backfill) per athlete."""

    athlete = ForeignKeyField(Athlete, on_delete="CASCADE")
    job = CharField()
    state = CharField()
    detail = TextField(null=True)  # JSON
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("athlete", "job"), True),)


class Goal(BaseModel):
    """An annual distance goal for a sport group."""

    athlete = ForeignKeyField(Athlete, on_delete="CASCADE")
    year = IntegerField()
    sport_group = CharField()
    target_distance = FloatField()  # metres

    class Meta:
        indexes = ((("athlete", "year", "sport_group"), True),)


class Route(BaseModel):
    """A planned or drawn route imported from a file: a line without times.

    Routes are not activities: they never count in any total. ``content_hash`` is
    the SHA-256 of the file, so importing the same file again adds nothing.
    """

    athlete = ForeignKeyField(Athlete, on_delete="CASCADE")
    name = CharField()
    sport_type = CharField(null=True)
    distance = FloatField()  # metres along the line
    elevation_gain = FloatField(null=True)  # None when the file has no elevation
    point_count = IntegerField()
    start_lat = FloatField(null=True)
    start_lng = FloatField(null=True)
    summary_polyline = TextField(null=True)
    polyline = TextField(null=True)
    reference = TextField()  # file path, or path inside the archive
    content_hash = CharField()
    imported_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("athlete", "content_hash"), True),)


V1_MODELS = [
    SchemaVersion,
    Setting,
    Athlete,
    StravaCredential,
    RateLimitState,
    Gear,
    Activity,
    SyncRun,
]

V2_MODELS = [
    Split,
    Lap,
    BestEffort,
    Segment,
    SegmentEffort,
    ActivityStreams,
    PeakPower,
    ActivitySource,
    JobState,
    Goal,
]

V3_MODELS = [Route]

ALL_MODELS = V1_MODELS + V2_MODELS + V3_MODELS
