package com.acme.store;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CartMapper {
    List<Cart> findCarts(@Param("customerId") Long customerId, @Param("discounted") boolean discounted,
                         @Param("ids") List<Long> ids, @Param("sortColumn") String sortColumn);

    long cartTotal(@Param("cartId") long cartId);

    int applyDiscount(@Param("cartId") long cartId, @Param("code") String code);

    @Select("SELECT count(*) FROM cart_items WHERE cart_id = #{cartId}")
    int itemCount(@Param("cartId") long cartId);
}
