// Package archive reads finished jobs back from the blob store they were archived to.
package archive

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
)

type Record struct {
	ID    int64  `json:"id"`
	State string `json:"state"`
}

// Query lists the archived records under uri that match filter.
func Query(ctx context.Context, uri string, filter string) ([]Record, error) {
	files, err := filepath.Glob(filepath.Join(uri, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var r Record
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, err
		}
		if filter == "" || r.State == filter {
			out = append(out, r)
		}
	}
	return out, ctx.Err()
}
