package com.acme.library.common

import jakarta.persistence.Column
import jakarta.persistence.MappedSuperclass
import jakarta.persistence.Version

// The version and audit columns of every entity below it.
@MappedSuperclass
abstract class Versioned<T>(
    @Version
    open var version: Long = 0,
    @Column(name = "opprettet_av", nullable = false, updatable = false)
    open val createdBy: String = "system",
) : Stamped() {
    val label: String
        get() = "v$version"
}
