package dao

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Artifact is one manifest pushed to a repository. ExtraAttrs was added for the new
// artifact processors; its column is not migrated yet.
type Artifact struct {
	ID             int64     `orm:"pk;auto;column(id)"`
	Type           string    `orm:"column(type)"`
	MediaType      string    `orm:"column(media_type)"`
	RepositoryName string    `orm:"column(repository_name)"`
	Digest         string    `orm:"column(digest)"`
	Size           int64     `orm:"column(size)"`
	ExtraAttrs     string    `orm:"column(extra_attrs)"`
	PushTime       time.Time `orm:"column(push_time)"`
}

func (a *Artifact) IsImage() bool {
	return strings.EqualFold(a.Type, "IMAGE")
}

func (a *Artifact) Validate() error {
	if a.RepositoryName == "" {
		return fmt.Errorf("artifact %d: empty repository name", a.ID)
	}
	if !strings.HasPrefix(a.Digest, "sha256:") {
		return fmt.Errorf("artifact %d: unsupported digest %q", a.ID, a.Digest)
	}
	return nil
}

func (a *Artifact) SetExtraAttrs(attrs map[string]any) error {
	data, err := json.Marshal(attrs)
	if err != nil {
		return err
	}
	a.ExtraAttrs = string(data)
	return nil
}
