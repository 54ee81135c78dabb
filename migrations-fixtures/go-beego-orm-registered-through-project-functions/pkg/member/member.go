package member

import (
	"context"

	beego "github.com/beego/beego/v2/client/orm"

	"example.com/scanhub/lib/orm"
)

func init() {
	orm.RegisterModel(new(Member))
}

// Member is registered but only filled by raw queries of project_member: beego never asks for
// its own table, member, which no migration creates.
type Member struct {
	ID        int64 `orm:"pk;column(id)"`
	ProjectID int64 `orm:"column(project_id)"`
	Role      int   `orm:"column(role)"`
}

// Members reads the members of a project with SQL of its own.
func Members(ctx context.Context, projectID int64) ([]*Member, error) {
	var members []*Member
	_, err := beego.NewOrm().Raw("SELECT id, project_id, role FROM project_member WHERE project_id = ?", projectID).QueryRows(&members)
	return members, err
}

// Add writes a member with SQL of its own; the value is made, never handed to the orm.
func Add(ctx context.Context, projectID int64, role int) error {
	m := Member{ProjectID: projectID, Role: role}
	_ = orm.Describe(&m)
	_, err := beego.NewOrm().Raw("INSERT INTO project_member (project_id, role) VALUES (?, ?)", m.ProjectID, m.Role).Exec()
	return err
}
