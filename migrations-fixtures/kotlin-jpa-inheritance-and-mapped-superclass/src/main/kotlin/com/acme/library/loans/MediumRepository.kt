package com.acme.library.loans

import org.springframework.data.jpa.repository.JpaRepository

interface MediumRepository : JpaRepository<Medium, Long> {
    fun findBookByIsbn(isbn: String): Book?
    fun findRecordingsByNarrator(narrator: String): List<Recording>
}
