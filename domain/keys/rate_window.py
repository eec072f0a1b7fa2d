"""The fixed one-minute windows a key's submissions are counted in."""

from datetime import UTC, datetime, timedelta

RATE_WINDOW = timedelta(minutes=1)


def rate_window_of(now: datetime) -> datetime:
    """The start of the minute `now` falls in (UTC): every process agrees on it."""
    return now.astimezone(UTC).replace(second=0, microsecond=0)
