package worker

import "context"

type Reporter struct{ r runner }

// Report runs the statement it is given: select a format from the options first.
func (p *Reporter) Report(ctx context.Context, format string) error {
	statement := format + " -- report"
	return p.r.run(ctx, statement)
}
