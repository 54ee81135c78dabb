package org.example.archive;

import jakarta.persistence.*;
import java.io.Serializable;

@Entity
@Table(indexes = {@Index(columnList = "holding_id")})
public class HoldingUsage implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne
    @JoinColumn(name = "holding_id", nullable = false)
    private Holding holding;

    private Long sizeInBytes;
}
