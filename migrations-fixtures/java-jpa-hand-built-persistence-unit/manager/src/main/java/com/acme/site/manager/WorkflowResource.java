package com.acme.site.manager;

import com.acme.site.model.workflow.Step;
import com.acme.site.model.workflow.Workflow;

/** The editor's palette: built in memory, never stored. */
public class WorkflowResource {
  public Workflow example() {
    Workflow w = new Workflow();
    w.steps = new Step[] {new Step()};
    return w;
  }
}
