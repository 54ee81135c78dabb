package filters

import (
	"fmt"

	"github.com/xwb1989/sqlparser"
)

// A user's list filter is validated by wrapping it in a statement the SQL parser accepts.
const wrapper = "select * from filter_input where %s"

func Validate(filter string) error {
	_, err := sqlparser.Parse(fmt.Sprintf(wrapper, filter))
	return err
}

func ValidateOrder(order string) error {
	_, err := sqlparser.Parse("select * from filter_input order by " + order)
	return err
}
