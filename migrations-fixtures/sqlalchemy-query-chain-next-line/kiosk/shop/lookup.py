from kiosk.shop.models import Product


def in_stock_by_title(title):
    return Product.query \
        .filter(Product.in_stock, Product.title == title) \
        .first()
