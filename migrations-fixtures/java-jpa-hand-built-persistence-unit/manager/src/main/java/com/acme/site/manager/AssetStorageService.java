package com.acme.site.manager;

import com.acme.site.model.asset.Asset;
import com.acme.site.model.asset.BuildingAsset;
import com.acme.site.model.rules.Ruleset;
import jakarta.persistence.EntityManager;
import java.util.List;

public class AssetStorageService {
  public List<Asset> children(EntityManager em, String parentId) {
    return em.createQuery("select a from Asset a where a.parentId = :parent", Asset.class)
        .setParameter("parent", parentId)
        .getResultList();
  }

  public BuildingAsset building(EntityManager em, String id) {
    return em.find(BuildingAsset.class, id);
  }

  public Ruleset ruleset(EntityManager em, long id) {
    return em.find(Ruleset.class, id);
  }
}
