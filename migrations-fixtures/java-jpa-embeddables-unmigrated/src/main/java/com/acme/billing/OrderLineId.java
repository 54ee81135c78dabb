package com.acme.billing;

import java.io.Serializable;
import jakarta.persistence.Embeddable;

@Embeddable
public class OrderLineId implements Serializable {
    private Long orderId;
    private Integer lineNo;
}
