package com.acme.billing;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.data.jpa.repository.Query;

@Mapper
public interface CustomerQueries {
    @Select({"SELECT id, email", "FROM customers", "WHERE created_at > #{since}"})
    List<Customer> createdSince(java.time.Instant since);

    @Update("UPDATE customers SET email = #{email} WHERE id = #{id}")
    void changeEmail(long id, String email);

    // JPQL names entities, not tables: not checked.
    @Query("SELECT c FROM Customer c WHERE c.email = :email")
    Customer byEmail(String email);

    @Query(value = "SELECT count(*) FROM customers WHERE phone IS NOT NULL", nativeQuery = true)
    long withPhone();
}
