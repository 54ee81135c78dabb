package store

// The widgets live in the inventory table, named in a file of their own.
func (Widget) TableName() string { return "inventory_widgets" }
