// Package archive reads finished jobs back from the blob store they were archived to.
package archive

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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

// URI names where an archive lives: "file:///var/archive", "gs://bucket/jobs".
type URI struct {
	scheme string
	path   string
}

func ParseURI(raw string) (URI, error) {
	scheme, path, _ := strings.Cut(raw, "://")
	return URI{scheme: scheme, path: path}, nil
}

func (u URI) Scheme() string { return u.scheme }

type (
	// Archiver reads archived jobs back from one kind of store.
	Archiver interface {
		Query(ctx context.Context, uri URI, request *Request) ([]Record, error)
		ValidateURI(uri URI) error
	}

	// Provider gives the archiver of a URI scheme.
	Provider interface {
		GetArchiver(scheme string) (Archiver, error)
	}
)

type Request struct {
	State    string
	PageSize int
}
