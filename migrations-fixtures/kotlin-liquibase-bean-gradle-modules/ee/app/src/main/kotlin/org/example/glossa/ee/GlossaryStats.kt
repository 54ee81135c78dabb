package org.example.glossa.ee

import jakarta.persistence.EntityManager
import org.springframework.stereotype.Component

@Component
class GlossaryStats(private val em: EntityManager) {
  fun projectsWithGlossaries(): Long =
    (em.createNativeQuery("SELECT count(*) FROM project p WHERE p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM ee.glossary g WHERE g.name IS NOT NULL)")
      .singleResult as Number).toLong()
}
