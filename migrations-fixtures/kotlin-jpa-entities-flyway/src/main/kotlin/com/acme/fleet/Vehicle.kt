package com.acme.fleet

import jakarta.persistence.*
import java.time.Instant

@Entity
@Table(name = "vehicles")
data class Vehicle(
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    val id: Long? = null,

    @Column(name = "plate_number", nullable = false)
    val plate: String,

    val modelYear: Int,

    @ManyToOne
    @JoinColumn(name = "depot_id")
    val depot: Depot,

    @OneToMany(mappedBy = "vehicle")
    val trips: List<Trip> = emptyList(),

    @Transient
    val displayName: String = "",

    // The migrations have no column for it: the first query of a Vehicle fails.
    val lastServicedAt: Instant? = null,

    initialMileage: Long = 0,
) {
    var mileage: Long = initialMileage

    val label: String
        get() = "$plate ($modelYear)"

    companion object {
        const val MAX_AGE_YEARS = 12
    }
}
