package org.example.kanban.query;

import ch.digitalfondue.npjt.*;
import org.example.kanban.model.Ticket;

import java.util.List;

@QueryRepository
public interface TicketQuery {

	@Query("INSERT INTO KB_TICKET(TICKET_TITLE, TICKET_COLUMN_ID_FK, TICKET_ORDER, TICKET_LAST_UPDATED) VALUES (:title, :columnId, :order, NOW())")
	int create(@Bind("title") String title, @Bind("columnId") int columnId, @Bind("order") int order);

	@Query("SELECT TICKET_ID, TICKET_TITLE, TICKET_COLUMN_ID_FK, TICKET_ORDER FROM KB_TICKET WHERE TICKET_ID = IDENTITY()")
	@QueriesOverride({
			@QueryOverride(db = DB.MYSQL, value = "SELECT TICKET_ID, TICKET_TITLE, TICKET_COLUMN_ID_FK, TICKET_ORDER FROM KB_TICKET WHERE TICKET_ID = LAST_INSERT_ID()"),
			@QueryOverride(db = DB.PGSQL, value = "SELECT TICKET_ID, TICKET_TITLE, TICKET_COLUMN_ID_FK, TICKET_ORDER, TICKET_ARCHIVED FROM KB_TICKET WHERE TICKET_ID = (SELECT CURRVAL(pg_get_serial_sequence('kb_ticket','ticket_id')))") })
	Ticket findLastCreated();

	@Query("SELECT TICKET_ID FROM KB_TICKET WHERE TICKET_TITLE LIKE CONCAT('%', :term, '%') LIMIT 10")
	@QueryOverride(db = DB.PGSQL, value = "SELECT TICKET_ID FROM KB_TICKET WHERE TICKET_TITLE ILIKE '%' || :term || '%' LIMIT 10")
	List<Integer> search(@Bind("term") String term);

	@Query("UPDATE KB_TICKET SET TICKET_ORDER = :order WHERE TICKET_ID = :id")
	int updateOrder(@Bind("order") int order, @Bind("id") int id);
}
