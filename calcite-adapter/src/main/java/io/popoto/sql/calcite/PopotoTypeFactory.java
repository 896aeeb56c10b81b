package io.popoto.sql.calcite;

import java.nio.charset.Charset;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.util.ConversionUtil;

/**
 * Calcite's Java type factory with Unicode as the default character set. Calcite's own default
 * is ISO-8859-1 (the {@code calcite.default.charset} system property), so any literal outside
 * Latin-1 (Cyrillic, Arabic, CJK, emoji) fails to encode while the statement is converted.
 * Popoto keys and values are UTF-8 text; Java strings are UTF-16, the set Calcite uses for
 * "everything" ({@link ConversionUtil#NATIVE_UTF16_CHARSET_NAME}). Set per connection, so a
 * host application needs no JVM property and other Calcite users in the same JVM are untouched.
 */
public final class PopotoTypeFactory extends JavaTypeFactoryImpl {
  static final Charset UNICODE = Charset.forName(ConversionUtil.NATIVE_UTF16_CHARSET_NAME);

  public PopotoTypeFactory(RelDataTypeSystem typeSystem) {
    super(typeSystem);
  }

  @Override
  public Charset getDefaultCharset() {
    return UNICODE;
  }
}
