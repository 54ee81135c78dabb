package migration

import (
	"fmt"

	"example.com/runners/model"
	"src.techknowlogick.com/xormigrate"
	"xorm.io/xorm"
)

var tasks = []*xormigrate.Migration{
	&renameAgentSecret,
}

var allModels = []any{
	new(model.Agent),
	&model.Job{},
}

// Migrate runs the migrations, then brings every table in line with the models.
func Migrate(e *xorm.Engine) error {
	m := xormigrate.New(e, tasks)
	// A fresh database needs no migration: the models are synced below in any case.
	m.InitSchema(func(_ *xorm.Engine) error { return nil })
	if err := m.Migrate(); err != nil {
		return err
	}
	return syncModels(e)
}

func syncModels(e *xorm.Engine) error {
	for _, bean := range allModels {
		if err := e.Sync(bean); err != nil {
			return fmt.Errorf("sync %T: %w", bean, err)
		}
	}
	return nil
}
