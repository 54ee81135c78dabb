package com.acme.fleet

import jakarta.persistence.*

@Entity
class Depot(
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    var id: Long? = null,

    @field:Column(name = "depot_name")
    var name: String = "",

    var city: String = "",
)
