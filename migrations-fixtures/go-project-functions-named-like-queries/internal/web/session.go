package web

import (
	"net/http"
	"os"

	"github.com/gorilla/sessions"
)

// Store keeps browser sessions. Its Get hands the cookie's name to the sessions registry, a
// value of another module that runs no SQL.
type Store struct{ keys [][]byte }

func (s *Store) Get(r *http.Request, name string) (*sessions.Session, error) {
	return sessions.GetRegistry(r).Get(s, name)
}

// User reads the signed-in user from the cookie the deployment names.
func User(s *Store, r *http.Request) string {
	session, err := s.Get(r, os.Getenv("SESSION_COOKIE"))
	if err != nil {
		return ""
	}
	user, _ := session.Values["user"].(string)
	return user
}
