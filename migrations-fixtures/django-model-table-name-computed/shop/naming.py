def table_name(name):
    return "shop_" + name
