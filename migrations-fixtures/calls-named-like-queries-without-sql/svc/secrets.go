package svc

import "github.com/zalando/go-keyring"

// Sub-commands that need no token.
var withoutToken = []string{"login", "update"}

type settings interface{ Set(key, value string) error }

type Account struct{ Service, Server, Token string }

// LoadToken reads the API token from the OS keyring: a Get of no database.
func LoadToken(s settings, a *Account) error {
	if err := s.Set("server", a.Server); err != nil {
		return err
	}
	token, err := keyring.Get(a.Service, a.Server)
	a.Token = token
	return err
}
