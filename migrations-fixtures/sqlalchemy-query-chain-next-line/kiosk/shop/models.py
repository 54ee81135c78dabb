from kiosk.db import db


class Product(db.Model):
    __tablename__ = "products"

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String, nullable=False)
    price_cents = db.Column(db.Integer, nullable=False)
    in_stock = db.Column(db.Boolean, nullable=False, default=True)
