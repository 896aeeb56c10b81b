package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {

  @Test
  void defaultsWhenOnlyHostIsGiven() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:popoto:redis://cache.example", null);
    assertEquals("cache.example", u.host());
    assertEquals(6379, u.port());
    assertEquals(0, u.database());
    assertFalse(u.ssl());
    assertNull(u.get(PopotoProperty.USER));
    assertNull(u.get(PopotoProperty.CATALOG));
    assertEquals("popoto", u.get(PopotoProperty.SCHEMA));
    assertEquals("500", u.get(PopotoProperty.BATCH_SIZE));
  }

  @Test
  void hostPortDatabaseAndTls() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:popoto:rediss://10.0.0.5:6380/3", null);
    assertEquals("10.0.0.5", u.host());
    assertEquals(6380, u.port());
    assertEquals(3, u.database());
    assertTrue(u.ssl());
  }

  @Test
  void ipv6Host() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:popoto:redis://[::1]:7000", null);
    assertEquals("::1", u.host());
    assertEquals(7000, u.port());
  }

  @Test
  void userAndPasswordAreUrlDecodedAndPasswordIsNeverPrinted() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse(
        "jdbc:popoto:redis://ana%40corp:p%3As%2Fw+rd%25@h:1/2?catalog=/tmp/c.json", null);
    assertEquals("ana@corp", u.get(PopotoProperty.USER));
    assertEquals("p:s/w+rd%", u.get(PopotoProperty.PASSWORD));
    assertFalse(u.toString().contains("p:s"), u.toString());
    assertFalse(u.toString().contains("rd%"), u.toString());
    assertEquals("jdbc:popoto:redis://ana%40corp@h:1/2?catalog=%2Ftmp%2Fc.json", u.toString());
  }

  @Test
  void queryPropertiesOverrideTheCallersProperties() throws SQLException {
    Properties info = new Properties();
    info.setProperty("batchSize", "10");
    info.setProperty("strict", "true");
    ConnectionUrl u = ConnectionUrl.parse(
        "jdbc:popoto:redis://h?batchSize=20&catalog=classpath%3Ax.json&pushdown=false", info);
    assertEquals("20", u.get(PopotoProperty.BATCH_SIZE)); // URL wins, as in pgjdbc
    assertEquals("true", u.get(PopotoProperty.STRICT)); // only in Properties: kept
    assertEquals("classpath:x.json", u.get(PopotoProperty.CATALOG));
    assertEquals("false", u.get(PopotoProperty.PUSHDOWN));
  }

  @Test
  void badUrlsSayWhatIsWrong() {
    assertBad("jdbc:popoto:http://h", "redis://");
    assertBad("jdbc:popoto:redis://", "missing host");
    assertBad("jdbc:popoto:redis://h:abc", "invalid port 'abc'");
    assertBad("jdbc:popoto:redis://h:70000", "invalid port '70000'");
    assertBad("jdbc:popoto:redis://h/x", "invalid database number 'x'");
    assertBad("jdbc:popoto:redis://h?nosuch=1", "unknown property 'nosuch'");
    assertBad("jdbc:popoto:redis://[::1", "unclosed '['");
    SQLException e = assertBad("jdbc:popoto:redis://u:se%ZZcret@h", "malformed %-escape");
    assertFalse(e.getMessage().contains("se%ZZcret"));
  }

  @Test
  void onlyPopotoUrlsAreAccepted() {
    assertTrue(new PopotoDriver().acceptsURL("jdbc:popoto:redis://h"));
    assertFalse(new PopotoDriver().acceptsURL("jdbc:postgresql://h/db"));
    assertFalse(new PopotoDriver().acceptsURL(null));
  }

  private static SQLException assertBad(String url, String fragment) {
    SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse(url, null));
    assertEquals("22023", e.getSQLState());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    return e;
  }
}
