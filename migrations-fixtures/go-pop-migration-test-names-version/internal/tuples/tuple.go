package tuples

import "github.com/ory/pop/v6"

type Tuple struct {
	ID        string `db:"shard_id"`
	Namespace string `db:"namespace"`
	Object    string `db:"object"`
}

func (Tuple) TableName() string { return "relation_tuples" }

func ByNamespace(c *pop.Connection, ns string) ([]Tuple, error) {
	var out []Tuple
	err := c.Where("namespace = ?", ns).All(&out)
	return out, err
}

// A leftover of the numeric ids: the column is gone since 20230601000000000000.
func ByNamespaceID(c *pop.Connection, id int) ([]Tuple, error) {
	var out []Tuple
	err := c.Where("namespace_id = ?", id).All(&out)
	return out, err
}
