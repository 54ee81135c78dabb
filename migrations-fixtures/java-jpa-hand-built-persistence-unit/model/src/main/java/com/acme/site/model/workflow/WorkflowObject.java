package com.acme.site.model.workflow;

import jakarta.persistence.*;

/** Shared state of the editor's workflow graph, sent to the browser as JSON. */
@MappedSuperclass
public class WorkflowObject {
  @Id
  @Column(name = "ID", length = 22)
  public String id;

  @Column(name = "LABEL")
  public String label;
}
