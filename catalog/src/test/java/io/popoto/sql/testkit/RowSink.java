package io.popoto.sql.testkit;

import io.popoto.sql.catalog.ModelDef;
import java.util.Map;

/** Receives each generated row; Redis is one sink, the PostgreSQL baseline another. */
public interface RowSink {
  /** values maps field name to the Java value {@link io.popoto.sql.codec.ValueEncoder} takes. */
  void accept(ModelDef model, String key, Map<String, Object> values);

  /** Called once after the last row. */
  default void finish() {}
}
