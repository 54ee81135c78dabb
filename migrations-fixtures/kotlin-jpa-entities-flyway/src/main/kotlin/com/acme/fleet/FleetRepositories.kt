package com.acme.fleet

import org.springframework.data.jpa.repository.JpaRepository

interface VehicleRepository : JpaRepository<Vehicle, Long>

interface DepotRepository : JpaRepository<Depot, Long>

interface TripRepository : JpaRepository<Trip, Long> {
    fun findByVehicleId(vehicleId: Long): List<Trip>
}

interface FørerkortRepository : JpaRepository<Førerkort, Long>
