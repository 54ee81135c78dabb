package com.acme.library.loans

import com.acme.library.common.Versioned
import jakarta.persistence.AttributeOverride
import jakarta.persistence.Column
import jakarta.persistence.DiscriminatorColumn
import jakarta.persistence.Entity
import jakarta.persistence.Id
import jakarta.persistence.Inheritance
import jakarta.persistence.InheritanceType
import jakarta.persistence.Table

@Entity(name = "Medium")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "medium_type")
@Table(name = "MEDIA")
@AttributeOverride(name = "touchedAt", column = Column(name = "endret_tid"))
abstract class Medium(
    @Id
    open val id: Long = 0,
    @Column(name = "tittel")
    open var title: String = "",
) : Versioned<Long>() {
    @Column(name = "fk_shelf_id")
    override var shelfId: Long = 0

    abstract fun describe(): String
}
