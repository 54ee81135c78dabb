package com.acme.site.model.rules;

import jakarta.persistence.*;

@Entity
@Table(name = "RULESET")
public class Ruleset {
  @Id
  @Column(name = "ID")
  protected Long id;

  @Version
  @Column(name = "VERSION")
  protected long version;

  @Column(name = "NAME", nullable = false)
  protected String name;

  @Column(name = "RULES", nullable = false)
  protected String rules;

  @Column(name = "ENABLED", nullable = false)
  protected boolean enabled = true;
}
