package repositories

import (
	"example.com/timetrack/models"
	"gorm.io/gorm"
)

type PulseRepository struct {
	db *gorm.DB
}

func (r *PulseRepository) CountByUsers(userIDs []string) ([]struct {
	User  string
	Count int64
}, error) {
	var counts []struct {
		User  string
		Count int64
	}
	err := r.db.
		Model(&models.Pulse{}).
		Select("user_id as user, count(id) as count").
		Where("user_id in ?", userIDs).
		Group("user").
		Find(&counts).Error
	return counts, err
}

func (r *PulseRepository) EditorsByUser(userID string) ([]*models.EditorUse, error) {
	var results []*models.EditorUse
	err := r.db.
		Model(&models.Pulse{}).
		Select("editor, min(time) as first_seen, max(time) as last_seen").
		Where("user_id = ?", userID).
		Group("editor").
		Find(&results).Error
	return results, err
}

func (r *PulseRepository) ByMachine(userID, machine string) ([]*models.Pulse, error) {
	var pulses []*models.Pulse
	err := r.db.Where("user_id = ? AND machine = ?", userID, machine).Order("time desc").Find(&pulses).Error
	return pulses, err
}

func (r *PulseRepository) SharingUsers() ([]*models.User, error) {
	var users []*models.User
	err := r.db.Where("share_oss = ?", true).Find(&users).Error
	return users, err
}

func (r *PulseRepository) TableDDLSqlite(dialect, table string) (result string, err error) {
	if dialect == "sqlite" {
		err = r.db.Table("sqlite_master").Select("sql").Where("type = ?", "table").Where("name = ?", table).Take(&result).Error
	}
	return result, err
}

const sizeSqlite = `SELECT page_count * page_size as size FROM pragma_page_count(), pragma_page_size();`

func (r *PulseRepository) DatabaseSize(dialect string) (size int64, err error) {
	if dialect == "sqlite" {
		err = r.db.Raw(sizeSqlite).Scan(&size).Error
	}
	return size, err
}
