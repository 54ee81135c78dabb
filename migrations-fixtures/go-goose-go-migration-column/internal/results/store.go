package results

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Result struct {
	ID           int64
	Output       string
	ModelVersion *string
	Tenant       string
}

// Save writes one provider's answer; every call is billed, so a failed INSERT loses money.
func Save(ctx context.Context, pool *pgxpool.Pool, tenantID int64, provider, output string, tokens int, model string) error {
	_, err := pool.Exec(ctx, `
		INSERT INTO llm_results (tenant_id, provider, output, tokens_used, model_version)
		VALUES ($1, $2, $3, $4, $5)`, tenantID, provider, output, tokens, model)
	return err
}

func Latest(ctx context.Context, pool *pgxpool.Pool, tenantID int64) ([]Result, error) {
	rows, err := pool.Query(ctx, `
		SELECT r.id, r.output, r.model_version, t.name
		FROM llm_results r JOIN tenants t ON t.id = r.tenant_id
		WHERE r.tenant_id = $1 ORDER BY r.created_at DESC LIMIT 20`, tenantID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Result
	for rows.Next() {
		var r Result
		if err := rows.Scan(&r.ID, &r.Output, &r.ModelVersion, &r.Tenant); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
