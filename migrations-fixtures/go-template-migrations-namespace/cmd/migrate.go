package cmd

import "example.com/identity/internal/conf"

// migrationOptions are handed to every migration file, which is a text/template.
func migrationOptions(cfg *conf.DBConfiguration) map[string]interface{} {
	return map[string]interface{}{
		"Namespace": cfg.Namespace,
	}
}
