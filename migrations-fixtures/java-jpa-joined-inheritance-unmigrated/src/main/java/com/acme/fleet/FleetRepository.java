package com.acme.fleet;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FleetRepository extends JpaRepository<Vehicle, Long> {
    List<Truck> findTrucksByAxleCount(Integer axles);
    List<Van> findVansBySeatCount(Integer seats);
}
