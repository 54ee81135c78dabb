package maintenance

import "context"

type executor interface {
	Exec(ctx context.Context, sql string, args ...any) error
}

// RetryFailed puts failed jobs back in the queue: the statement is checked here, at the caller.
func RetryFailed(ctx context.Context, exec executor) error {
	return exec.Exec(ctx, "UPDATE jobs SET state = 'available', attempt = attempt + 1, scheduled_at = now() WHERE state = 'failed'")
}
