package com.acme.library.loans

import jakarta.persistence.Column
import jakarta.persistence.DiscriminatorValue
import jakarta.persistence.Entity

@Entity(name = "Book")
@DiscriminatorValue("BOOK")
data class Book(
    @Column(name = "isbn")
    val isbn: String?,
    @Column(name = "sider")
    val pageCount: Int?,
) : Medium() {
    override fun describe(): String = "book $isbn"
}
