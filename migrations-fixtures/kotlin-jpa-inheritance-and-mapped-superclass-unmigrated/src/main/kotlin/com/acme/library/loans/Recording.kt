package com.acme.library.loans

import jakarta.persistence.Column
import jakarta.persistence.DiscriminatorValue
import jakarta.persistence.Entity

@Entity(name = "Recording")
@DiscriminatorValue("REC")
class Recording(
    @Column(name = "spilletid")
    val minutes: Int?,
    val narrator: String?,
) : Medium() {
    override fun describe(): String = "recording of $minutes minutes"
}
