package com.acme.shop.sales;

import com.acme.shop.common.BaseEntity;
import jakarta.persistence.*;

@Entity
@AttributeOverride(name = "createdAt", column = @Column(name = "issued_at"))
@AttributeOverrides({
    @AttributeOverride(name = "updatedAt", column = @Column(name = "changed_at"))
})
public class Invoice extends BaseEntity<Long> {
    private String number;
}
