package store

// Called through exec: a statement without a FROM, found only once exec is known to run it.
const touchQuery = "SELECT touch_user($1)"
