package com.acme.portal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads realms straight from Keycloak's tables, which live in the same database. */
public class RealmDirectory {

  public List<String> enabledRealms(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
            "select r.name, (select ra.value from public.realm_attribute ra where ra.realm_id = r.id and ra.name = 'displayName') "
                + "from public.realm r where r.enabled = true")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) names.add(rs.getString(1));
      }
    }
    return names;
  }

  public int userCount(Connection c, String realmId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select count(*) from public.user_entity u where u.realm_id = ?")) {
      ps.setString(1, realmId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  public String theme(Connection c, String realm) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select theme from portal.tenant_settings where realm_name = ?")) {
      ps.setString(1, realm);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public String logo(Connection c, String realm) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select logo_url from portal.tenant_branding where realm_name = ?")) {
      ps.setString(1, realm);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
