package db

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Model holds the fields every table shares.
type Model struct {
	ID        string `gorm:"primary_key"`
	CreatedAt int64
	DeletedAt *int64 `gorm:"index"`
}

// MigrationAction applies (apply = true) or reverts a step.
type MigrationAction func(tx *gorm.DB, apply bool) error

// CreateTableAction creates a model's table.
func CreateTableAction(table interface{}) MigrationAction {
	return func(tx *gorm.DB, apply bool) error {
		if apply {
			return tx.AutoMigrate(table)
		}
		return tx.Migrator().DropTable(table)
	}
}

// AddTableColumnAction adds one field's column.
func AddTableColumnAction(table interface{}, columnName string) MigrationAction {
	return func(tx *gorm.DB, apply bool) error {
		if apply {
			return tx.Migrator().AddColumn(table, columnName)
		}
		return tx.Migrator().DropColumn(table, columnName)
	}
}

// RenameTableColumnAction renames a column.
func RenameTableColumnAction(table interface{}, oldName string, newName string) MigrationAction {
	return func(tx *gorm.DB, apply bool) error {
		if apply {
			return tx.Migrator().RenameColumn(table, oldName, newName)
		}
		return tx.Migrator().RenameColumn(table, newName, oldName)
	}
}

// ExecAction runs SQL.
func ExecAction(applySQL string, unapplySQL string) MigrationAction {
	return func(tx *gorm.DB, apply bool) error {
		if apply {
			return tx.Exec(applySQL).Error
		}
		return tx.Exec(unapplySQL).Error
	}
}

// CreateMigrationFromActions runs the actions in order.
func CreateMigrationFromActions(id string, actions ...MigrationAction) *gormigrate.Migration {
	return &gormigrate.Migration{
		ID: id,
		Migrate: func(tx *gorm.DB) error {
			for _, action := range actions {
				if err := action(tx, true); err != nil {
					return err
				}
			}
			return nil
		},
		Rollback: func(tx *gorm.DB) error {
			for i := len(actions) - 1; i >= 0; i-- {
				if err := actions[i](tx, false); err != nil {
					return err
				}
			}
			return nil
		},
	}
}
