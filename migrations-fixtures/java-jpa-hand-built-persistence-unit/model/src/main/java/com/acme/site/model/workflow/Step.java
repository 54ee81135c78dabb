package com.acme.site.model.workflow;

import jakarta.persistence.*;

@Entity
@Table(name = "STEP")
public class Step extends WorkflowObject {
  @Column(name = "STEP_TYPE")
  public String type;

  public Step() {}
}
