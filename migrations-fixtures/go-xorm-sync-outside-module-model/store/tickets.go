package store

// OpenTickets lists the open tickets of an owner, newest first.
func (s *Store) OpenTickets(owner string) ([]Ticket, error) {
	var out []Ticket
	err := s.Engine.SQL("SELECT * FROM ticket WHERE owner_name = ? AND NOT closed ORDER BY created_at DESC", owner).Find(&out)
	return out, err
}

// Escalated counts the replies on escalated tickets.
func (s *Store) Escalated() (int64, error) {
	var n int64
	_, err := s.Engine.SQL("SELECT count(*) FROM reply r JOIN ticket t ON t.id = r.ticket_id WHERE t.priority > 2").Get(&n)
	return n, err
}

// AgentsOnline lists the agents seen in the last minutes.
func (s *Store) AgentsOnline() ([]Agent, error) {
	var out []Agent
	err := s.Engine.SQL("SELECT id, email, api_key FROM agent WHERE last_seen_at > now() - interval '5 minutes'").Find(&out)
	return out, err
}
