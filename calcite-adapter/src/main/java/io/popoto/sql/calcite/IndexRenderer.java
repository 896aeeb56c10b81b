package io.popoto.sql.calcite;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.codec.KeyCodec;
import java.util.List;

/**
 * Renders a query value the way Popoto rendered the stored one into its index keys: a key string
 * verbatim ({@code _key}, relationships), any other value as its escaped key segment, in every
 * rendering the stored data may use (spec 2.5).
 */
final class IndexRenderer {
  private final KeyCodec keyCodec;

  IndexRenderer(KeyCodec keyCodec) {
    this.keyCodec = keyCodec;
  }

  List<String> texts(PopotoColumn column, Object value) {
    FieldDef f = column.field();
    if (column.part() == PopotoColumn.Part.KEY || f.isRelationship()) {
      return List.of(value.toString());
    }
    return keyCodec.segmentVariants(value, f.type());
  }

  /** A statement parameter rendered like a literal of the column. */
  List<String> paramTexts(PopotoColumn column, Object paramValue) {
    Object v = ValueConverter.fromParameter(paramValue, column.sqlType());
    return v == null ? List.of() : texts(column, v);
  }
}
