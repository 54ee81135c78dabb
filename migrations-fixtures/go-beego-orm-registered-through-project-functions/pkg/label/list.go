package label

import (
	"context"

	"example.com/scanhub/lib/orm"
)

// List reads every label.
func List(ctx context.Context) ([]*Label, error) {
	var labels []*Label
	_, err := orm.QuerySetter(ctx, &Label{}).All(&labels)
	return labels, err
}
