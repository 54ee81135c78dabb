# Only the extension's object is imported here.
from shop.extensions import db


class StockItem(db.Model):
    # No table name given: Flask-SQLAlchemy names the table stock_item.
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(32), nullable=False)
    reorder_level = db.Column(db.Integer)
