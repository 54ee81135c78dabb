package com.acme.rent;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ScooterRepository extends JpaRepository<Scooter, Long> {
    @Query(value = """
        SELECT p.id, s.battery_level
        FROM product p
        JOIN scooter s ON s.id = p.id
        WHERE p.is_deleted = false AND s.battery_level < 20
        """, nativeQuery = true)
    List<Object[]> lowBattery();
}
