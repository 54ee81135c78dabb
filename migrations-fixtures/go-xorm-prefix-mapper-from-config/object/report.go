package object

// MemberCounts counts members per organization, by display name.
func MemberCounts() ([]map[string]string, error) {
	return engine.QueryString(`SELECT o.display_name, count(m.name) AS members
		FROM organization o JOIN member m ON m.organization = o.name
		GROUP BY o.display_name`)
}

// RecentMembers lists the members who signed up last; the column is not synced by any model.
func RecentMembers() ([]map[string]string, error) {
	return engine.QueryString("SELECT name, email FROM member ORDER BY signup_time DESC LIMIT 20")
}
