package object

import (
	"os"

	"github.com/beego/beego/v2/server/web"
	"xorm.io/xorm"
	"xorm.io/xorm/names"
)

var engine *xorm.Engine

// GetConfigString reads a key of conf/app.conf (the environment may override it).
func GetConfigString(key string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	v, _ := web.AppConfig.String(key)
	return v
}

// InitEngine opens the database; every table name gets the configured prefix.
func InitEngine() {
	var err error
	engine, err = xorm.NewEngine(GetConfigString("driverName"), GetConfigString("dataSourceName")+GetConfigString("dbName"))
	if err != nil {
		panic(err)
	}
	tableNamePrefix := GetConfigString("tableNamePrefix")
	tbMapper := names.NewPrefixMapper(names.SnakeMapper{}, tableNamePrefix)
	engine.SetTableMapper(tbMapper)
}

// CreateTables creates or updates every table from the models.
func CreateTables() {
	if err := engine.Sync2(new(Organization)); err != nil {
		panic(err)
	}
	if err := engine.Sync2(new(Member)); err != nil {
		panic(err)
	}
}
