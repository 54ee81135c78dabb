module example.com/links

go 1.22

require github.com/huandu/go-sqlbuilder v1.28.0
