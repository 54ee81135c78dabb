package store

import "gorm.io/gorm"

type Store struct {
	db *gorm.DB
}

func (s *Store) RecentRuns(projectID uint) ([]ProjectRun, error) {
	var runs []ProjectRun
	err := s.db.Where("project_id = ? AND status = ?", projectID, "done").Order("created_at desc").Find(&runs).Error
	return runs, err
}

func (s *Store) FinishRun(id uint, status string) error {
	return s.db.Model(&ProjectRun{}).Where("id = ?", id).Updates(map[string]interface{}{"status": status, "summary": ""}).Error
}

func (s *Store) AddPerson(email string) error {
	return s.db.Create(&Person{Email: email}).Error
}

func (s *Store) PersonByEmail(email string) (*Person, error) {
	p := &Person{}
	err := s.db.Where("email = ?", email).First(p).Error
	return p, err
}

func (s *Store) Widgets() ([]Widget, error) {
	var ws []Widget
	err := s.db.Order("label").Find(&ws).Error
	return ws, err
}

func (s *Store) Counts() ([]RunCount, error) {
	var out []RunCount
	err := s.db.Model(&ProjectRun{}).Select("status, count(*) AS total").Group("status").Scan(&out).Error
	return out, err
}

// Archived reads the archive table through a narrowed handle: its conditions are not project_runs'.
func (s *Store) Archived(projectID uint) ([]ProjectRun, error) {
	var runs []ProjectRun
	q := s.db.Table("archived_runs")
	err := q.Where("archived_project = ?", projectID).Find(&runs).Error
	return runs, err
}

func (s *Store) Audit(actor, action string) error {
	return s.db.Create(&AuditEntry{Actor: actor, Action: action}).Error
}

func (s *Store) AuditOf(actor string) ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.db.Where("actor = ?", actor).Find(&out).Error
	return out, err
}

// PublicRuns leaves a field out by a name no field maps: GORM ignores it, no SQL names it.
func (s *Store) PublicRuns(projectID uint) ([]ProjectRun, error) {
	var runs []ProjectRun
	err := s.db.Omit("api_secret").Where("project_id = ?", projectID).Find(&runs).Error
	return runs, err
}
