package io.popoto.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type system with the changes users of BI tools expect: AVG of an integer column is
 * the mean as a DOUBLE (as in PostgreSQL, MySQL and H2, which answer with a fraction), not the
 * mean truncated to an integer, and AVG of a DECIMAL keeps at least {@link #MEAN_SCALE} places;
 * and texts of different lengths brought to one type (VALUES rows, UNION, CASE, COALESCE) are
 * VARCHAR, as PostgreSQL's text is, not CHAR padded with spaces to the longest: padded,
 * {@code (VALUES ('Restaurant:a'), ('Restaurant:bbb')) v(k) JOIN "Order" o ON o.restaurant = v.k}
 * matched only the longest key, and {@code CASE ... THEN 'big' ELSE 'small' END} gave 'big  '.
 */
public final class PopotoTypeSystem extends RelDataTypeSystemImpl {
  public static final PopotoTypeSystem INSTANCE = new PopotoTypeSystem();
  /** Decimal places of AVG over a DECIMAL column (at least; more when the column has more). */
  static final int MEAN_SCALE = 10;

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getScale() <= 0
        && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      // A mean has more places than its inputs; a Decimal column of undeclared scale is
      // DECIMAL(p, 0), whose mean Calcite would round to an integer.
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(
          SqlTypeName.DECIMAL, getMaxNumericPrecision(),
          Math.max(argumentType.getScale(), MEAN_SCALE)), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }
}
