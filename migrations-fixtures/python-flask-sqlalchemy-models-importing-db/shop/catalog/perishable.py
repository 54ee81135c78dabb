from shop.catalog.models import StockItem
from shop.extensions import db


class PerishableItem(StockItem):
    # Its own primary key: joined inheritance, in table perishable_item.
    id = db.Column(db.Integer, db.ForeignKey("stock_item.id"), primary_key=True)
    best_before = db.Column(db.Date)


def expiring(day):
    return PerishableItem.query.filter(PerishableItem.best_before < day).all()
