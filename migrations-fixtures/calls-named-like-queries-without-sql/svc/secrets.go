package svc

import "github.com/zalando/go-keyring"

// Token reads the API token from the OS keyring: a Get of no database.
func Token(service, user string) (string, error) {
	return keyring.Get(service, user)
}
