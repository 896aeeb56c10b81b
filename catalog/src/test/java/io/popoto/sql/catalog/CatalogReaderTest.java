package io.popoto.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken catalogs: each problem names the exact file, line and column and says what is wrong. */
class CatalogReaderTest {
  private static final String DIR = "classpath:catalogs/broken/";

  private static List<String> problems(String location) {
    CatalogException e = assertThrows(CatalogException.class, () -> CatalogReader.load(location));
    return e.problems().stream().map(CatalogException.Problem::toString)
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      unknown-class.json | 3:35: Unknown field class 'Keyfield' for field 'k' of model 'A'; did you mean 'KeyField'?
      syntax.json | 5:1: JSON syntax error: Unexpected end-of-input: expected close marker for Object (opened at line 1, column 1)
      unknown-type.json | 3:55: Unknown type 'strr' for field 'k' of model 'A'; did you mean 'str'?
      missing-class.json | 3:20: Field 'k' of model 'A' has no 'class'; give its Popoto field class, e.g. "class": "Field"
      relationship-unknown-model.json | 4:63: Relationship 'r' of model 'Menu' points to unknown model 'Restaurnt'; did you mean 'Restaurant'?
      relationship-without-model.json | 3:23: Relationship 'r' of model 'Menu' has no 'model'; name the related model, e.g. "model": "Menu"
      partition-unknown.json | 5:54: Field 'price' of model 'R' is partitioned by 'ctiy', which is not a field of 'R'; did you mean 'city'?
      partition-self.json | 4:51: Field 'price' of model 'R' cannot be partitioned by itself
      partition-not-sorted.json | 5:36: Property 'partition_by' is only for SortedField and SortedKeyField, not for IntField field 'price' of model 'R'
      duplicate-model.json | 4:3: Duplicate model 'A'; it is already declared at line 3
      duplicate-field.json | 5:5: Duplicate field 'x' of model 'A'; it is already declared at line 4
      model-case.json | 4:3: Model 'ORDER' differs from 'Order' only in case; SQL matches unquoted names ignoring case
      reserved-key.json | 3:20: Field name '_key' of model 'A' is reserved for the SQL primary key column (the instance's Redis key)
      geo-collision.json | 5:5: Field 'spot_latitude' of model 'A' collides with the latitude column of GeoField 'spot'
      unknown-property.json | 3:47: Unknown property 'nullable' of field 'k' of model 'A'; allowed: class, type, null, default, partitionBy, partition_by, sort_by, model, indexPrefix, subclass, auto_now, auto_now_add, max_length, decimal_places, guessed
      wrong-json-type.json | 3:55: Property 'null' of field 'k' of model 'A' must be a boolean, not a string
      bad-zone.json | 1:40: Invalid time zone 'Mars/Base' in 'naiveDatetimeZone'; use a Java zone id such as "UTC" or "Europe/Zurich"
      unknown-line.json | 1:12: Unknown Popoto line '0.9'; use "0.8" (also "0.8.3") or "newest"
      bad-prefix.json | 3:65: Index prefix 'PriceF' of field 'k' of model 'A' must start with '$', like '$SortF'
      prefix-and-subclass.json | 4:5: Give either 'indexPrefix' or 'subclass' for field 'k' of model 'A', not both
      bad-default.json | 3:58: Default value of field 'n' of model 'A' does not fit its type 'int'
      type-on-fixed-class.json | 3:56: DateField field 'd' of model 'A' cannot have type 'int'; this class always holds 'date'
      decimal-places-not-decimal.json | 3:75: Property 'decimal_places' is only for Decimal fields, not for type 'int' of field 'n' of model 'A'
      decimal-places-range.json | 3:97: Property 'decimal_places' of field 'd' of model 'A' must be between 0 and 19, not 20
      missing-popoto.json | 1:1: Missing property 'popoto': the Popoto line that wrote the data, "0.8" or "newest"
      """)
  void reportsTheProblemWhereItIs(String file, String expected) {
    assertEquals(List.of("catalogs/broken/" + file + ":" + expected), problems(DIR + file));
  }

  @Test
  void reportsEveryProblemInOneException() {
    String file = "catalogs/broken/three-problems.json:";
    assertEquals(List.of(
        file + "5:20: Unknown field class 'Feild' for field 'a' of model 'A'; did you mean 'Field'?",
        file + "6:45: Relationship 'b' of model 'A' points to unknown model 'Nope'",
        file + "7:5: Field name '_key' of model 'A' is reserved for the SQL primary key column"
            + " (the instance's Redis key)"),
        problems(DIR + "three-problems.json"));
  }

  @Test
  void missingResourceAndFileSayWhatWasLookedFor() {
    assertEquals(List.of("classpath:nope/catalog.json:0:0: Catalog resource"
        + " 'nope/catalog.json' is not on the classpath"), problems("classpath:nope/catalog.json"));
    Path missing = Path.of("target", "no-such-catalog.json");
    assertEquals(List.of(missing + ":0:0: Catalog file '" + missing.toAbsolutePath()
        + "' does not exist"), problems(missing.toString()));
  }

  @Test
  void modelWithoutKeyFieldGetsTheHiddenAutoKey() throws CatalogException {
    Catalog catalog = read("""
        {"popoto": "newest", // comments are allowed
         /* and block comments */
         "models": {"Note": {"fields": {"text": {"class": "Field", "default": "hi"}}}}}
        """);
    ModelDef note = catalog.model("Note");
    assertEquals(FormatLine.NEWEST, catalog.formatLine());
    assertEquals(null, catalog.naiveZone());
    assertEquals(List.of("text", ModelDef.AUTO_KEY),
        note.fields().stream().map(FieldDef::name).collect(Collectors.toList()));
    assertEquals(true, note.field(ModelDef.AUTO_KEY).hidden());
    assertEquals(List.of(note.field(ModelDef.AUTO_KEY)), note.keyFields());
    assertEquals("hi", note.field("text").defaultValue());
  }

  @Test
  void subclassGivesPopotosStrippedPrefixAndAliasesPartition() throws CatalogException {
    Catalog catalog = read("""
        {"popoto": "0.8.3", "models": {"Item": {"fields": {
          "shop": {"class": "KeyField"},
          "kind": {"class": "KeyField"},
          "price": {"class": "SortedField", "subclass": "PriceField", "sort_by": ["shop", "kind"],
                    "default": 2, "guessed": ["type"]},
          "cost": {"class": "DecimalField", "default": 1.50, "indexPrefix": "$CostF"}}}}}
        """);
    FieldDef price = catalog.model("Item").field("price");
    // Python's "PriceField".strip("Field") also eats the trailing 'e' of "Price".
    assertEquals("$PricF", price.indexPrefix());
    assertEquals(List.of("shop", "kind"), price.partitionBy());
    assertEquals(2.0, price.defaultValue());
    assertEquals("1.50", catalog.model("Item").field("cost").defaultValue());
    assertEquals("$CostF", catalog.model("Item").field("cost").indexPrefix());
  }

  private static Catalog read(String json) throws CatalogException {
    return CatalogReader.read("inline.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
