package com.acme.site.model.asset;

import jakarta.persistence.*;
import java.util.Date;

@Entity
@Table(name = "ASSET")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "ASSET_TYPE")
public abstract class Asset {
  @Id
  @Column(name = "ID", length = 22)
  protected String id;

  @Column(name = "NAME", nullable = false)
  protected String name;

  @Column(name = "PARENT_ID")
  protected String parentId;

  @Column(name = "CREATED_ON", nullable = false)
  protected Date createdOn;

  @Column(name = "ACCESS_PUBLIC_READ")
  protected boolean accessPublicRead;
}
