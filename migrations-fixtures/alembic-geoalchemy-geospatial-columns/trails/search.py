from geoalchemy2.functions import ST_Intersects, ST_MakeEnvelope
from sqlalchemy import func, select

from trails import db
from trails.models import Route, Track


def routes_in(bbox):
    envelope = ST_MakeEnvelope(*bbox, 4326)
    return db.session.execute(
        select(Route.id, Route.title, func.ST_AsGeoJSON(Route.start_point))
        .filter(Route.start_point != None)  # noqa: E711
        .filter(ST_Intersects(envelope, Route.start_point))
    ).all()


def tracks_of(route_id):
    return db.session.execute(
        select(Track.line, Track.elevation_profile).filter(Track.route_id == route_id)
    ).all()
