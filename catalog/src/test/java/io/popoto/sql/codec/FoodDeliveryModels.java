package io.popoto.sql.codec;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import java.time.ZoneOffset;
import java.util.List;

/** The fixture's models.py, built by hand so codec tests do not depend on the catalog reader. */
final class FoodDeliveryModels {
  private FoodDeliveryModels() {}

  /** The fixture was written by 0.8.3 on a host with TZ=UTC. */
  static Catalog catalog() {
    return new Catalog(FormatLine.V0_8, ZoneOffset.UTC, List.of(
        new ModelDef("Restaurant", List.of(
            f("name", FieldClass.KEY_FIELD), f("city", FieldClass.KEY_FIELD),
            f("cuisine", FieldClass.FIELD),
            typed("rating", FieldClass.SORTED_FIELD, ValueType.FLOAT, null, List.of()),
            typed("price_level", FieldClass.SORTED_FIELD, ValueType.INT, null, List.of("city")),
            f("location", FieldClass.GEO_FIELD),
            typed("active", FieldClass.FIELD, ValueType.BOOL, true, List.of()),
            f("opened_on", FieldClass.DATE_FIELD), f("opens_at", FieldClass.TIME_FIELD),
            f("avg_ticket", FieldClass.DECIMAL_FIELD), f("tags", FieldClass.SET_FIELD),
            f("hours", FieldClass.DICT_FIELD), f("logo", FieldClass.BYTES_FIELD)), null),
        new ModelDef("MenuItem", List.of(
            f("item_id", FieldClass.AUTO_KEY_FIELD), f("name", FieldClass.FIELD),
            typed("price", FieldClass.SORTED_FIELD, ValueType.FLOAT, null, List.of()),
            rel("restaurant", "Restaurant"),
            typed("available", FieldClass.FIELD, ValueType.BOOL, true, List.of()),
            f("calories", FieldClass.INT_FIELD), f("allergens", FieldClass.LIST_FIELD),
            f("size_ml", FieldClass.TUPLE_FIELD), rel("combo_includes", "MenuItem")), null),
        new ModelDef("Customer", List.of(
            f("username", FieldClass.KEY_FIELD), f("email", FieldClass.UNIQUE_KEY_FIELD),
            f("name", FieldClass.FIELD), f("address", FieldClass.GEO_FIELD),
            typed("vip", FieldClass.BOOLEAN_FIELD, ValueType.BOOL, false, List.of()),
            f("birthday", FieldClass.DATE_FIELD), f("preferences", FieldClass.DICT_FIELD)), null),
        new ModelDef("Driver", List.of(
            f("driver_id", FieldClass.AUTO_KEY_FIELD), f("name", FieldClass.FIELD),
            f("phone", FieldClass.UNIQUE_KEY_FIELD),
            typed("rating", FieldClass.SORTED_FIELD, ValueType.FLOAT, null, List.of()),
            typed("earnings", FieldClass.SORTED_FIELD, ValueType.DECIMAL, null, List.of()),
            f("location", FieldClass.GEO_FIELD),
            typed("active", FieldClass.FIELD, ValueType.BOOL, true, List.of()),
            f("shift_start", FieldClass.TIME_FIELD)), null),
        new ModelDef("DriverShift", List.of(
            f("driver_phone", FieldClass.KEY_FIELD),
            typed("shift_date", FieldClass.SORTED_KEY_FIELD, ValueType.DATE, null, List.of()),
            f("hours", FieldClass.FLOAT_FIELD), f("zone", FieldClass.FIELD)), null),
        new ModelDef("Order", List.of(
            f("order_id", FieldClass.AUTO_KEY_FIELD), rel("customer", "Customer"),
            rel("restaurant", "Restaurant"), rel("driver", "Driver"),
            typed("total", FieldClass.SORTED_FIELD, ValueType.FLOAT, null, List.of()),
            typed("deliver_by", FieldClass.SORTED_FIELD, ValueType.DATETIME, null, List.of()),
            f("tip", FieldClass.DECIMAL_FIELD),
            typed("status", FieldClass.FIELD, ValueType.STR, "pending", List.of()),
            f("items", FieldClass.LIST_FIELD), f("note", FieldClass.FIELD),
            f("created_at", FieldClass.DATETIME_FIELD),
            f("updated_at", FieldClass.DATETIME_FIELD)), null)));
  }

  private static FieldDef f(String name, FieldClass c) {
    return FieldDef.of(name, c);
  }

  private static FieldDef typed(String name, FieldClass c, ValueType t, Object dflt,
      List<String> partitionBy) {
    return new FieldDef(name, c, t, true, dflt, partitionBy, null, null, false, null);
  }

  private static FieldDef rel(String name, String target) {
    return new FieldDef(name, FieldClass.RELATIONSHIP, ValueType.KEY, true, null, List.of(),
        target, null, false, null);
  }
}
