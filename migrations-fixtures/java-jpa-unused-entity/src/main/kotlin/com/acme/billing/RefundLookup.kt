package com.acme.billing

import jakarta.persistence.EntityManager

class RefundLookup(private val em: EntityManager) {
    fun byId(id: Long) = em.find(Refund::class.java, id)
}
