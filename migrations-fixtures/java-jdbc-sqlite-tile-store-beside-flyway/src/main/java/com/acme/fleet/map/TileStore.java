package com.acme.fleet.map;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Serves vector tiles from an mbtiles file (an SQLite database shipped with the map). */
public class TileStore {

  protected Connection connection;

  public void open(Path mbtiles) throws SQLException, ClassNotFoundException {
    Class.forName(org.sqlite.JDBC.class.getName());
    connection = DriverManager.getConnection("jdbc:sqlite:" + mbtiles);
  }

  public Map<String, String> metadata() throws SQLException {
    Map<String, String> values = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("select NAME, VALUE from METADATA");
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        values.put(result.getString(1), result.getString(2));
      }
    }
    return values;
  }

  public byte[] tile(int zoom, int column, int row) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select TILE_DATA from TILES where ZOOM_LEVEL = ? and TILE_COLUMN = ? and TILE_ROW = ?")) {
      query.setInt(1, zoom);
      query.setInt(2, column);
      query.setInt(3, row);
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? result.getBytes(1) : null;
      }
    }
  }
}
