package io.popoto.sql.testkit;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogException;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.GeoPoint;
import io.popoto.sql.codec.ValueEncoder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * The Popoto 1.x sample, written by {@link NativeWriter} in the 1.x layout: what its models.py
 * (fixtures/popoto-1x/models.py) leaves in Redis after the saves listed here, including the
 * staleness real 1.x data carries: 1.8.x legacy pointer keys and a pre-#476 hash pointer,
 * datetime keys saved before 1.9 next to new ones, stale value-set and tag-set members, and a
 * delivery whose hash expired while its index entries remain. The shipped
 * {@code popoto-sql/samples/popoto-1x/load.redis} is this data, dumped by {@link RespDump}.
 */
public final class OneXSample {
  public static final String DIR = "popoto-sql/samples/popoto-1x/";
  public static final String CATALOG = "classpath:" + DIR + "catalog.json";

  public static final String C_ANA = "Courier:01J8XKQ3Z5M7N9P2R4T6V8W0Y1";
  public static final String C_BO = "Courier:01J8XKQ40B2C4D6E8F0G2H4J6K";
  public static final String C_CHLOE = "Courier:01J8XKQ41M3N5P7Q9R1S3T5V7W";
  public static final String C_DMITRI = "Courier:01J8XKQ42X4Y6Z8A0B2C4D6E8F";
  public static final String D1 = "Delivery:01J9A0B1C2D3E4F5G6H7J8K9M0";
  public static final String D2 = "Delivery:01J9A0B1C2D3E4F5G6H7J8K9M1";
  public static final String D3 = "Delivery:01J9A0B1C2D3E4F5G6H7J8K9M2";
  public static final String D4 = "Delivery:01J9A0B1C2D3E4F5G6H7J8K9M3";
  public static final String D5 = "Delivery:01J9A0B1C2D3E4F5G6H7J8K9M4";
  /** Expired: its hash is gone, its $Class, index, list and pointer entries remain. */
  public static final String D6_EXPIRED = "Delivery:01J9A0B1C2D3E4F5G6H7J8K9M5";

  private final Catalog catalog;
  private final NativeWriter writer;
  private final Pipe pipe;

  private OneXSample(Catalog catalog, Pipe pipe) {
    this.catalog = catalog;
    this.pipe = pipe;
    this.writer = new NativeWriter(catalog, pipe);
  }

  public static Catalog catalog() {
    try {
      return CatalogReader.load(CATALOG);
    } catch (CatalogException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the sample into an empty Redis; returns the number of commands sent. */
  public static long write(Jedis jedis) {
    try (Pipe pipe = new Pipe(jedis, Pipe.DEFAULT_BATCH)) {
      OneXSample s = new OneXSample(catalog(), pipe);
      s.kitchens();
      s.couriers();
      s.deliveries();
      s.shifts();
      pipe.flush();
      return pipe.commandsSent();
    }
  }

  /** The shipped load.redis, replayed. */
  public static int load(Jedis jedis) {
    try (var in = OneXSample.class.getClassLoader().getResourceAsStream(DIR + "load.redis")) {
      return io.popoto.sql.redis.RespScript.parse(in).replay(jedis);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ModelDef model(String name) {
    return catalog.model(name);
  }

  private String save(String model, Map<String, Object> values) {
    ModelDef m = model(model);
    String key = writer.instanceKey(m, values);
    writer.accept(m, key, values);
    return key;
  }

  private void kitchens() {
    String kyoto = save("Kitchen", row("slug", "kyoto-ramen", "name", "Kyoto Ramen", "city", "Zürich",
        "cuisine", "ramen", "email", "hello@kyoto.example",
        "tags", List.of("spicy", "late:night", "vegan-ok", "spicy"), "rating", 4.6,
        "location", new GeoPoint(47.3769, 8.5417),
        "opened_at", OffsetDateTime.of(2024, 3, 1, 11, 0, 0, 0, ZoneOffset.ofHours(1)),
        "logo", "$CF:ab12:kyoto.png"));
    String uno = save("Kitchen", row("slug", "pizza/uno", "name", "Pizza Uno", "city", "Zürich",
        "cuisine", "pizza", "email", "ciao@uno.example", "tags", List.of("family", "late:night"),
        "rating", 4.1, "location", new GeoPoint(47.3705, 8.5399),
        "opened_at", LocalDateTime.of(2023, 10, 15, 9, 30), "logo", null));
    String pub = save("Kitchen", row("slug", "o'brien's [pub]?", "name", "O'Brien's Pub",
        "city", "Bern", "cuisine", "pub", "email", "pub@obrien.example",
        "tags", List.of("quiz^night", "{&#58;}literal", "beer*"), "rating", 3.8,
        "location", new GeoPoint(46.9480, 7.4474),
        "opened_at", LocalDateTime.of(2022, 1, 5, 18, 0), "logo", null));
    // Written by 0.8.3 and never re-saved: the legacy naive datetime envelope, read as UTC.
    FieldDef opened = model("Kitchen").field("opened_at");
    writer.setHashField(pub, "opened_at", new ValueEncoder(FormatLine.V0_8)
        .encode(opened, LocalDateTime.of(2022, 1, 5, 18, 0)));
    save("Kitchen", row("slug", "taco-town", "name", "Taco Town", "city", "Bern",
        "cuisine", "tacos", "email", "hola@taco.example", "tags", List.of(), "rating", 4.3,
        "location", new GeoPoint(46.9510, 7.4386),
        "opened_at", OffsetDateTime.of(2025, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC),
        "logo", "$CF:cd34:taco.svg"));
    String ghost = save("Kitchen", row("slug", "ghost", "name", "Ghost Kitchen", "city", "Basel",
        "cuisine", "pizza", "email", null, "tags", List.of("spicy"), "rating", 2.9,
        "location", null, "opened_at", null, "logo", null));
    ModelDef k = model("Kitchen");
    // Stale members a crashed swap leaves: Kyoto Ramen moved from Basel, Pizza Uno dropped
    // the "spicy" tag; both sets still list them.
    writer.addMember(writer.indexKeys().fieldKey(k, k.field("city")) + ":Basel", kyoto);
    writer.addMember(writer.indexKeys().tagSet(k, k.field("tags"), "spicy"), uno);
    assert ghost != null;
  }

  private void couriers() {
    ModelDef m = model("Courier");
    String ana = C_ANA;
    writer.accept(m, ana, row("courier_id", id(ana), "name", "Ana", "phone", "+41 79 555 01 01",
        "zone", "Zürich-Nord", "recent_zones", List.of("Altstadt"), "confidence", 0.82,
        "last_seen", 1754550000.5, "embedding", 384L, "bio_terms", null, "buddies", null));
    // proxy.push() three times: LPUSH + LTRIM keeps the newest three, newest first.
    writer.pushCapped(ana, m.field("recent_zones"), List.of("Oerlikon", "Wipkingen", "Seefeld"));
    writer.accept(m, C_BO, row("courier_id", id(C_BO), "name", "Bo", "phone", "+41 79 555 02 02",
        "zone", null, "recent_zones", List.of(), "confidence", null, "last_seen", 1754460000.0,
        "embedding", null, "bio_terms", null, "buddies", null));
    // Bo's old number: the unique set still lists him (a swap interrupted before its SREM).
    writer.addMember(writer.indexKeys().fieldKey(m, m.field("phone")) + ":+41 79 555 00 00",
        C_BO);
    writer.accept(m, C_CHLOE, row("courier_id", id(C_CHLOE), "name", "Chloé",
        "phone", "+41 31 555 03 03", "zone", "Bern", "recent_zones", List.of("Bern", "Köniz"),
        "confidence", 0.4, "last_seen", 1754380000.25, "embedding", 384L, "bio_terms", null,
        "buddies", null));
    writer.accept(m, C_DMITRI, row("courier_id", id(C_DMITRI), "name", "Dmitri",
        "phone", "+41 61 555 04 04", "zone", "Basel", "recent_zones", List.of(),
        "confidence", 0.67, "last_seen", 1754300000.0, "embedding", null, "bio_terms", null,
        "buddies", null));
    // Saved by 1.8.1 (legacy pointer key) and by 1.7 (pointer inside the hash), never since.
    FieldDef zone = m.field("zone");
    String zoneSet = writer.indexKeys().fieldKey(m, zone) + ":Basel";
    writer.setString(C_DMITRI + "\0idxptr\0zone", zoneSet);
    writer.setHashField(C_DMITRI, "phone\0idxset",
        writer.indexKeys().fieldKey(m, m.field("phone")) + ":+41 61 555 04 04");
  }

  private void deliveries() {
    ModelDef m = model("Delivery");
    String kyoto = "Kitchen:kyoto/-ramen";
    String uno = "Kitchen:pizza//uno";
    String pub = "Kitchen:o/'brien/'s /[pub/]/?";
    String taco = "Kitchen:taco/-town";
    writer.accept(m, D1, row("delivery_id", id(D1), "kitchen", kyoto, "courier", C_ANA,
        "status", "delivered", "labels", List.of("gate:code 12", "fragile"),
        "placed_at", OffsetDateTime.of(2026, 8, 7, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
        "slot", LocalTime.of(12, 30), "total", new BigDecimal("42.50"),
        "history", List.of("placed", "cooked", "picked", "delivered")));
    // pushed past its cap of 4: the oldest item falls off the end
    writer.pushCapped(D1, m.field("history"), List.of("rated"));
    writer.accept(m, D2, row("delivery_id", id(D2), "kitchen", kyoto, "courier", C_CHLOE,
        "status", "en route", "labels", List.of("contactless"),
        "placed_at", LocalDateTime.of(2026, 8, 7, 18, 45, 10, 250_000_000),
        "slot", LocalTime.of(19, 0), "total", new BigDecimal("18.00"),
        "history", List.of("placed")));
    writer.accept(m, D3, row("delivery_id", id(D3), "kitchen", uno, "courier", null,
        "status", "placed", "labels", List.of(),
        "placed_at", OffsetDateTime.of(2026, 8, 8, 8, 0, 0, 0, ZoneOffset.UTC),
        "slot", LocalTime.of(8, 15, 30), "total", new BigDecimal("9.90"),
        "history", List.of()));
    writer.accept(m, D4, row("delivery_id", id(D4), "kitchen", pub, "courier", C_ANA,
        "status", "delivered", "labels", List.of("fragile"),
        "placed_at", LocalDateTime.of(2026, 8, 6, 20, 0), "slot", LocalTime.of(20, 15),
        "total", new BigDecimal("27.35"),
        // items keep their runtime type's envelope
        "history", List.of("placed", 3L, new BigDecimal("1.50"))));
    writer.accept(m, D5, row("delivery_id", id(D5), "kitchen", taco, "courier", C_BO,
        "status", "cancelled", "labels", List.of("vip", "gate:code 12"),
        "placed_at", LocalDateTime.of(2026, 8, 5, 11, 5), "slot", LocalTime.of(11, 30),
        "total", new BigDecimal("0.00"), "history", List.of("placed", "cancelled")));
    // Saved by 1.8.2: its legacy tag pointer is still there.
    writer.addMember(D5 + "\0tagptr\0labels",
        writer.indexKeys().tagSet(m, m.field("labels"), "vip"));
    writer.accept(m, D6_EXPIRED, row("delivery_id", id(D6_EXPIRED), "kitchen", uno,
        "courier", C_CHLOE, "status", "delivered", "labels", List.of("vip"),
        "placed_at", LocalDateTime.of(2026, 7, 1, 12, 0), "slot", LocalTime.of(12, 0),
        "total", new BigDecimal("55.00"), "history", List.of("placed", "delivered")));
    writer.delete(D6_EXPIRED); // Meta.ttl ran out: EXPIRE removes the hash only
  }

  private void shifts() {
    ModelDef m = model("Shift");
    save("Shift", row("courier_phone", "+41 79 555 01 01",
        "starts", OffsetDateTime.of(2026, 8, 7, 7, 0, 0, 0, ZoneOffset.ofHours(2)),
        "week", 32L, "hours", 8.0, "validity", 1754542800.0, "relevance", 1754542800.0));
    save("Shift", row("courier_phone", "+41 79 555 01 01",
        "starts", LocalDateTime.of(2026, 8, 8, 5, 0), "week", 32L, "hours", 6.5,
        "validity", 1754629200.0, "relevance", 1754629200.0));
    // Saved by 1.8.2, before the canonical datetime keys of 1.9: str(dt) in key and $KeyF.
    for (Map<String, Object> legacy : List.of(
        row("courier_phone", "+41 31 555 03 03", "starts", LocalDateTime.of(2025, 12, 1, 6, 30),
            "week", 49L, "hours", 4.0, "validity", 1764570600.0, "relevance", 1764570600.0),
        row("courier_phone", "+41 31 555 03 03",
            "starts", LocalDateTime.of(2025, 12, 2, 6, 30, 0, 123_456_000), "week", 49L,
            "hours", 4.25, "validity", 1764657000.0, "relevance", 1764657000.0))) {
      writer.acceptLegacyDatetimeKeys(m, writer.legacyInstanceKey(m, legacy), legacy);
    }
  }

  private static String id(String key) {
    return key.substring(key.indexOf(':') + 1);
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }
}
