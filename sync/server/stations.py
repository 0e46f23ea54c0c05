"""Station registry on the server: numbers (for clash-free order numbers), keys, hello."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from orderdesk.ids import uuid7
from orderdesk.models.sync import SyncStation
from orderdesk.sync.server import security, store


class StationTaken(Exception):
    """The name belongs to another station database (another uid)."""


class StationUnknown(Exception):
    pass


def register(session: Session, name: str, by: str, *, with_key: bool = True,
             uid: str | None = None) -> tuple[SyncStation, str | None]:
    """Register a station (or issue a new key to an existing one); the key is shown once."""
    station = session.scalars(select(SyncStation).where(SyncStation.name == name)).one_or_none()
    key = security.new_secret() if with_key else None
    if station is None:
        station = SyncStation(id=uuid7(), name=name, number=store.take(session,
                                                                          store.STATION_NUMBER),
                              key_hash=security.digest(key) if key else None, registered_by=by,
                              uid=uid, cursor=0, active=True)
        session.add(station)
    elif key:
        station.key_hash = security.digest(key)
    session.flush()
    return station, key


def hello(session: Session, name: str, uid: str, by: str) -> SyncStation:
    """First contact of a station database: binds the name to its uid, gives its number."""
    station = session.scalars(select(SyncStation).where(SyncStation.name == name)).one_or_none()
    holder = session.scalar(select(SyncStation.name).where(SyncStation.uid == uid))
    if holder is not None and holder != name:
        raise StationTaken(name)  # this database already is another station (was a 500)
    if station is None:
        station, _ = register(session, name, by, with_key=False, uid=uid)
        return station
    if station.uid is None:
        station.uid = uid
    elif station.uid != uid:
        raise StationTaken(name)
    return station


def list_stations(session: Session) -> list[SyncStation]:
    return list(session.scalars(select(SyncStation).order_by(SyncStation.number)))
