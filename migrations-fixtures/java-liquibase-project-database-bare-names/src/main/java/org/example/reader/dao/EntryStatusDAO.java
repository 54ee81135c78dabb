package org.example.reader.dao;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;

import org.example.reader.model.EntryStatus;
import org.example.reader.model.Feed;

@Singleton
public class EntryStatusDAO {
    private final EntityManager em;

    public EntryStatusDAO(EntityManager em) {
        this.em = em;
    }

    public List<EntryStatus> unread(Feed feed) {
        return em.createQuery("select s from EntryStatus s where s.feedId = :feed and s.read = false", EntryStatus.class)
                .setParameter("feed", feed)
                .getResultList();
    }

    public Feed find(long id) {
        return em.find(Feed.class, id);
    }
}
