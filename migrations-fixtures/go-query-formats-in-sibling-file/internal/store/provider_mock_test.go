package store_test

import (
	"testing"

	"github.com/golang/mock/gomock"
)

func TestPreferredMethod(t *testing.T) {
	ctrl := gomock.NewController(t)
	db := NewMockSQLXDB(ctrl)
	db.EXPECT().GetContext(gomock.Any(), gomock.Any(), gomock.Any(), "john").Return(nil)
	db.EXPECT().ExecContext(gomock.Any(), gomock.Any(), "john", "totp").Return(nil, nil)
}
