package models

import (
	"database/sql/driver"
	"fmt"
)

// AuthFlags is stored as the integer of its bits.
type AuthFlags struct {
	UserPresent  bool
	UserVerified bool
}

func (f AuthFlags) Value() (driver.Value, error) {
	var v int64
	if f.UserPresent {
		v |= 1
	}
	if f.UserVerified {
		v |= 4
	}
	return int64(v), nil
}

func (f *AuthFlags) Scan(value interface{}) error {
	v, ok := value.(int64)
	if !ok {
		return fmt.Errorf("unsupported flags type %T", value)
	}
	f.UserPresent, f.UserVerified = v&1 != 0, v&4 != 0
	return nil
}
