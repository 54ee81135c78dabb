package com.acme.shop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<CustomerOrder, Long> {
    @Query(value = "SELECT id, gift_note FROM customer_orders WHERE customer_id = :customerId", nativeQuery = true)
    List<Object[]> giftNotes(Long customerId);

    // Neither a migration nor the entity has discount: nothing creates it.
    @Query(value = "SELECT id, discount FROM customer_orders WHERE total > 100", nativeQuery = true)
    List<Object[]> discounted();

    @Query(value = "SELECT sku, reserved_until FROM stock_reservation WHERE reserved_until < now()", nativeQuery = true)
    List<Object[]> expiredReservations();
}
