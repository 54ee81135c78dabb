package org.example.archive;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@Stateless
public class ReviewNoteServiceBean {

    @PersistenceContext(unitName = "ArchivePU")
    private EntityManager em;

    public ReviewNote find(Long id) {
        return em.find(ReviewNote.class, id);
    }

    public int clearForHolding(long holdingId) {
        return em.createNativeQuery("DELETE FROM reviewnote WHERE holding_id = " + holdingId).executeUpdate();
    }

    public int retitle(long holdingId, String title) {
        // holding is the migrations' table: EclipseLink does not add its columns
        return em.createNativeQuery("UPDATE holding SET title = ?1, modified = now() WHERE id = ?2")
                .setParameter(1, title).setParameter(2, holdingId).executeUpdate();
    }

    public HoldingUsage usage(Long id) {
        return em.find(HoldingUsage.class, id);
    }

    public int grow(long holdingId, long bytes) {
        // holdingusage: EclipseLink names the table after the entity
        return em.createNativeQuery("UPDATE holdingusage SET sizeinbytes = COALESCE(sizeinbytes, 0) + " + bytes
                + " WHERE holding_id = " + holdingId).executeUpdate();
    }
}
