package worker

import (
	"context"
	"time"
)

// Loop waits: select the next tick from the channel, or stop.
func Loop(ctx context.Context, tick <-chan time.Time, work func()) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			work()
		}
	}
}

// from here on, nothing touches the database
