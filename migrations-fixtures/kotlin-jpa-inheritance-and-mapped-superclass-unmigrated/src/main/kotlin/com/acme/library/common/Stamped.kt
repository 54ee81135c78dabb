package com.acme.library.common

import jakarta.persistence.MappedSuperclass
import java.io.Serializable
import java.time.LocalDateTime

// No constructor written: Serializable is an interface, not a superclass. The abstract property
// has no field here; the entity that overrides it maps it.
@MappedSuperclass
abstract class Stamped : Serializable {
    abstract var shelfId: Long

    open var touchedAt: LocalDateTime = LocalDateTime.now()
}
