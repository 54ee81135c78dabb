package com.acme.fleet

import jakarta.persistence.*
import java.time.LocalDate

// A class name with a letter outside ASCII: other files name it, so it is checked.
@Entity
@Table(name = "forerkort")
class Førerkort(
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    var id: Long? = null,

    @Column(name = "klasse")
    var klasse: String = "",

    @Column(name = "gyldig_til")
    var gyldigTil: LocalDate? = null,
)
