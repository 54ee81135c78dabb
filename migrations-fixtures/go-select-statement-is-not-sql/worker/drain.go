package worker

import "context"

type runner interface {
	run(ctx context.Context, statement string) error
}

// Drain picks from the queue until told to stop; the statement comes from the caller.
func Drain(ctx context.Context, r runner, statement string, stop <-chan struct{}) error {
	for {
		select {
		case <-stop:
			return nil
		default:
			// the next statement, read from the caller
			if err := r.run(ctx, statement); err != nil {
				return err
			}
		}
	}
}
