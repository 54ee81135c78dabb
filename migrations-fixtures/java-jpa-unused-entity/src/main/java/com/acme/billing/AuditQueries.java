package com.acme.billing;

import jakarta.persistence.EntityManager;
import java.util.List;

public class AuditQueries {
    private final EntityManager em;

    public AuditQueries(EntityManager em) {
        this.em = em;
    }

    public List<?> recent() {
        return em.createQuery("select a from Audit a order by a.id desc").setMaxResults(20).getResultList();
    }
}
