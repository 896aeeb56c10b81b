package io.popoto.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample catalog transcribed from the fixture's models.py. */
class FixtureCatalogTest {
  static final String LOCATION = "classpath:popoto-sql/samples/food-delivery/catalog.json";
  private static Catalog catalog;

  @BeforeAll
  static void load() throws CatalogException {
    catalog = CatalogReader.load(LOCATION);
  }

  private static List<String> names(List<FieldDef> fields) {
    return fields.stream().map(FieldDef::name).collect(Collectors.toList());
  }

  private static FieldDef field(String model, String field) {
    return catalog.model(model).field(field);
  }

  @Test
  void hasTheSixModelsInOrder() {
    assertEquals(FormatLine.V0_8, catalog.formatLine());
    assertEquals(ZoneId.of("UTC"), catalog.naiveZone());
    assertEquals(List.of("Restaurant", "MenuItem", "Customer", "Driver", "DriverShift", "Order"),
        catalog.models().stream().map(ModelDef::name).collect(Collectors.toList()));
  }

  @Test
  void fieldsKeepDeclarationOrder() {
    assertEquals(List.of("name", "city", "cuisine", "rating", "price_level", "location", "active",
        "opened_on", "opens_at", "avg_ticket", "tags", "hours", "logo"),
        names(catalog.model("Restaurant").fields()));
    assertEquals(List.of("item_id", "name", "price", "restaurant", "available", "calories",
        "allergens", "size_ml", "combo_includes"), names(catalog.model("MenuItem").fields()));
    assertEquals(12, catalog.model("Order").fields().size());
  }

  @Test
  void keyFieldsAreInSegmentOrder() {
    assertEquals(List.of("city", "name"), names(catalog.model("Restaurant").keyFields()));
    assertEquals(List.of("email", "username"), names(catalog.model("Customer").keyFields()));
    assertEquals(List.of("driver_id", "phone"), names(catalog.model("Driver").keyFields()));
    assertEquals(List.of("driver_phone", "shift_date"),
        names(catalog.model("DriverShift").keyFields()));
    assertEquals(List.of("item_id"), names(catalog.model("MenuItem").keyFields()));
    assertEquals(List.of("order_id"), names(catalog.model("Order").keyFields()));
  }

  @Test
  void classesTypesAndPrefixes() {
    FieldDef shiftDate = field("DriverShift", "shift_date");
    assertEquals(FieldClass.SORTED_KEY_FIELD, shiftDate.fieldClass());
    assertEquals(ValueType.DATE, shiftDate.type());
    assertEquals("$SortedKeyF", shiftDate.indexPrefix());
    assertFalse(shiftDate.nullable());
    FieldDef earnings = field("Driver", "earnings");
    assertEquals(ValueType.DECIMAL, earnings.type());
    assertEquals("$SortF", earnings.indexPrefix());
    assertEquals("$UniqueKeyF", field("Customer", "email").indexPrefix());
    assertEquals("$KeyF", field("Restaurant", "city").indexPrefix());
    assertEquals("$GeoF", field("Customer", "address").indexPrefix());
    assertEquals("$RelationshipF", field("Order", "customer").indexPrefix());
    assertEquals(ValueType.GEO, field("Restaurant", "location").type());
    assertEquals(ValueType.DATETIME, field("Order", "deliver_by").type());
    assertEquals(ValueType.TIME, field("Driver", "shift_start").type());
    assertEquals(FieldClass.AUTO_KEY_FIELD, field("Order", "order_id").fieldClass());
  }

  @Test
  void defaultsAndNullability() {
    assertEquals(Boolean.TRUE, field("Restaurant", "active").defaultValue());
    assertEquals(Boolean.FALSE, field("Customer", "vip").defaultValue());
    assertEquals("pending", field("Order", "status").defaultValue());
    assertNull(field("Order", "note").defaultValue());
    assertTrue(field("Order", "driver").nullable());
    assertFalse(field("Order", "total").nullable());
  }

  @Test
  void partitionsAndRelationships() {
    assertEquals(List.of("city"), field("Restaurant", "price_level").partitionBy());
    assertEquals(List.of(), field("Restaurant", "rating").partitionBy());
    assertEquals("Restaurant", field("MenuItem", "restaurant").model());
    assertEquals("MenuItem", field("MenuItem", "combo_includes").model());
    assertEquals("Customer", field("Order", "customer").model());
    assertEquals("Driver", field("Order", "driver").model());
  }

  @Test
  void fieldsRememberWhereTheyWereDeclared() {
    SourcePosition pos = field("Restaurant", "name").position();
    assertEquals("popoto-sql/samples/food-delivery/catalog.json", pos.file());
    assertEquals(12, pos.line());
    assertEquals(9, pos.column());
  }

  @Test
  void everyModelDeclaresAKeySoNoneGetsAnAutoKey() {
    for (ModelDef m : catalog.models()) {
      assertNull(m.field(ModelDef.AUTO_KEY), m.name());
    }
  }
}
