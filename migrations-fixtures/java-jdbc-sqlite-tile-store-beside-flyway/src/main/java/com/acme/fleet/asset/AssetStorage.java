package com.acme.fleet.asset;

import jakarta.persistence.EntityManager;
import java.util.List;

public class AssetStorage {

  private final EntityManager em;

  public AssetStorage(EntityManager em) {
    this.em = em;
  }

  @SuppressWarnings("unchecked")
  public List<Object[]> assetsOfRealm(String realm) {
    return em.createNativeQuery("select ID, NAME, CREATED_ON from ASSET where REALM = :realm order by NAME")
        .setParameter("realm", realm)
        .getResultList();
  }

  @SuppressWarnings("unchecked")
  public List<Object[]> latestValues(String assetId) {
    return em.createNativeQuery(
            "select ATTRIBUTE_NAME, VALUE, QUALITY from ASSET_DATAPOINT where ENTITY_ID = :id order by TIMESTAMP desc")
        .setParameter("id", assetId)
        .getResultList();
  }
}
