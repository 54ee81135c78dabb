package main

import (
	"fmt"

	"github.com/knadh/goyesql/v2"
)

func prepare(q goyesql.Queries) (string, string) {
	views := fmt.Sprintf(q["get-campaign-counts"].Query, "campaign_views")
	clicks := fmt.Sprintf(q["get-campaign-counts"].Query, "link_clicks")
	return views, clicks
}
