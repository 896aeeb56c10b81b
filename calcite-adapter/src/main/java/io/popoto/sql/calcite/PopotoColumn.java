package io.popoto.sql.calcite;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One SQL column of a model table and where its value comes from: the instance key itself, a
 * whole hash field, or one coordinate of a GeoField (architecture 3).
 */
public record PopotoColumn(String name, FieldDef field, Part part, SqlTypeName sqlType) {

  /** Which part of the stored value the column shows. */
  public enum Part { KEY, VALUE, LATITUDE, LONGITUDE }

  public static final String KEY_COLUMN = "_key";

  /** The hash field this column reads, or null for {@code _key}. */
  public String hashField() {
    return field == null ? null : field.name();
  }

  /**
   * Columns of a model: {@code _key}, then one per field (two per GeoField), hidden ones too;
   * none for the 1.x classes that keep only companion structures (BM25Field, CoOccurrenceField).
   */
  public static List<PopotoColumn> of(ModelDef model) {
    List<PopotoColumn> columns = new ArrayList<>();
    columns.add(new PopotoColumn(KEY_COLUMN, null, Part.KEY, SqlTypeName.VARCHAR));
    for (FieldDef f : model.fields()) {
      if (f.hasColumn()) {
        columns.addAll(of(f));
      }
    }
    return columns;
  }

  /** The columns of one field: one, or two for a GeoField. */
  public static List<PopotoColumn> of(FieldDef f) {
    if (f.isGeo()) {
      return List.of(
          new PopotoColumn(f.name() + "_latitude", f, Part.LATITUDE, SqlTypeName.DOUBLE),
          new PopotoColumn(f.name() + "_longitude", f, Part.LONGITUDE, SqlTypeName.DOUBLE));
    }
    return List.of(new PopotoColumn(f.name(), f, Part.VALUE, sqlTypeOf(f)));
  }

  static SqlTypeName sqlTypeOf(FieldDef f) {
    switch (f.type()) {
      case INT: return SqlTypeName.BIGINT;
      case FLOAT: return SqlTypeName.DOUBLE;
      case BOOL: return SqlTypeName.BOOLEAN;
      case BYTES: return SqlTypeName.VARBINARY;
      case DECIMAL: return SqlTypeName.DECIMAL;
      case DATE: return SqlTypeName.DATE;
      case TIME: return SqlTypeName.TIME;
      case DATETIME: return SqlTypeName.TIMESTAMP;
      case GEO: return SqlTypeName.DOUBLE;
      default: return SqlTypeName.VARCHAR; // str, key, and JSON text of list/dict/set/tuple
    }
  }
}
