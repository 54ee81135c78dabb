package org.example.glossa.service

import jakarta.persistence.EntityManager
import org.springframework.stereotype.Service

@Service
class ProjectContentClearer(private val entityManager: EntityManager) {
  fun clear(projectId: Long) {
    jpqlUpdate("DELETE FROM TranslationSuggestion ts WHERE ts.project.id = :projectId", projectId)
    jpqlUpdate("DELETE FROM Project p WHERE p.id = :projectId AND p.deletedAt IS NOT NULL", projectId)
  }

  fun createFailedKeysTable(jobId: Long) {
    entityManager
      .createNativeQuery(
        """
        CREATE TEMP TABLE temp_failed_keys AS
            SELECT DISTINCT (target -> 'keyId')\:\:bigint AS key_id
            FROM batch_job bj
            WHERE bj.id = :jobId
        """,
      ).setParameter("jobId", jobId)
      .executeUpdate()
  }

  fun archivedNames(): List<*> =
    entityManager.createNativeQuery("SELECT p.name, p.archived_at FROM project p").resultList

  fun deletedSince(): List<*> =
    entityManager.createNativeQuery("SELECT p.name FROM project p WHERE p.deletedAt IS NOT NULL").resultList

  fun liveProjects(): List<*> = query(Project::class, "select e from Project e where e.deletedAt is null")

  private fun <T : Any> query(
    type: kotlin.reflect.KClass<T>,
    jpql: String,
  ): List<T> = entityManager.createQuery(jpql, type.java).resultList

  private fun jpqlUpdate(
    jpql: String,
    projectId: Long,
  ) {
    entityManager.createQuery(jpql).setParameter("projectId", projectId).executeUpdate()
  }
}
