package com.acme.site.model.workflow;

import jakarta.persistence.*;

@Entity
@Table(name = "WORKFLOW")
public class Workflow extends WorkflowObject {
  @Transient public Step[] steps = new Step[0];

  @Column(name = "CREATED_ON")
  public java.time.Instant createdOn = java.time.Instant.now();
}
