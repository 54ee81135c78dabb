package store

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Email       string
	DisplayName string
	Locale      string
}

type Member struct {
	ID     uint
	TeamID uint
	UserID uint
	Role   string
}

func (Member) TableName() string { return "team_members" }

func UsersByLocale(db *gorm.DB, locale string) ([]User, error) {
	var users []User
	err := db.Where("locale = ? AND display_name IS NOT NULL", locale).Order("email").Find(&users).Error
	return users, err
}

func Owners(db *gorm.DB, team uint) ([]Member, error) {
	var out []Member
	err := db.Where("team_id = ? AND role = ?", team, "owner").Find(&out).Error
	return out, err
}

type Team struct {
	ID   uint
	Name string
	Slug string
}

func TeamBySlug(db *gorm.DB, slug string) (*Team, error) {
	t := &Team{}
	err := db.Where("slug = ?", slug).First(t).Error
	return t, err
}
