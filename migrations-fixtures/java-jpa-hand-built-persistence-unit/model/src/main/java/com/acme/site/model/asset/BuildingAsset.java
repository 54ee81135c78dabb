package com.acme.site.model.asset;

import jakarta.persistence.Entity;

@Entity
public class BuildingAsset extends Asset {
  protected BuildingAsset() {}
}
