package com.acme.fleet

import jakarta.persistence.*
import java.time.Instant

@Entity
@Table(name = "trips")
class Trip(
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    var id: Long? = null,

    @ManyToOne
    @JoinColumn(name = "vehicle_id")
    var vehicle: Vehicle? = null,

    var startedAt: Instant? = null,

    var distanceKm: Double = 0.0,
)
