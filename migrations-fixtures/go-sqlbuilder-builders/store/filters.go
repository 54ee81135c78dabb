package store

import "github.com/huandu/go-sqlbuilder"

func addFilters(sb *sqlbuilder.SelectBuilder, keyword string) {
	sb.JoinWithOption(sqlbuilder.LeftJoin, "bookmark_tag", "bookmark_tag.bookmark_id = bookmark.id")
	sb.Where(sb.Like("title", "%"+keyword+"%"))
}
