package io.popoto.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type system with one change users of BI tools expect: AVG of an integer column is
 * the mean as a DOUBLE (as in PostgreSQL, MySQL and H2, which answer with a fraction), not the
 * mean truncated to an integer.
 */
public final class PopotoTypeSystem extends RelDataTypeSystemImpl {
  public static final PopotoTypeSystem INSTANCE = new PopotoTypeSystem();

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getScale() <= 0
        && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }
}
