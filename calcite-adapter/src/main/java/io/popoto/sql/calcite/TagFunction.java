package io.popoto.sql.calcite;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;

/**
 * One arity of a tag function ({@code popoto_has_tag}, {@code popoto_has_all_tags},
 * {@code popoto_has_any_tag}): the column, then {@code arity} wanted tags, all evaluated by
 * {@link PopotoFunctions#matchTags}. Calcite resolves a schema function's overloads by their
 * parameter count and cannot bind Java varargs, so each arity is registered as its own function;
 * this class makes them from one definition instead of one Java method per count.
 */
final class TagFunction implements ScalarFunction, ImplementableFunction {
  private static final Method MATCH_TAGS;

  static {
    try {
      MATCH_TAGS = PopotoFunctions.class.getMethod("matchTags", String.class, String[].class,
          boolean.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final boolean all;
  private final List<FunctionParameter> parameters = new ArrayList<>();

  /**
   * @param all whether every wanted tag must be present (otherwise any one)
   * @param wantedNames the wanted tags' parameter names, as metadata shows them
   */
  TagFunction(boolean all, List<String> wantedNames) {
    this.all = all;
    parameters.add(parameter(0, "tags"));
    for (String name : wantedNames) {
      parameters.add(parameter(parameters.size(), name));
    }
  }

  /** The functions {@code popoto_has_all_tags} or {@code popoto_has_any_tag}: 1 to max tags. */
  static List<TagFunction> arities(boolean all, int max) {
    List<TagFunction> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= max; i++) {
      names.add("tag" + i);
      out.add(new TagFunction(all, List.copyOf(names)));
    }
    return out;
  }

  private static FunctionParameter parameter(int ordinal, String name) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        // String, not Object: Calcite does not match a character argument to ANY
        return javaType(typeFactory, String.class);
      }

      @Override
      public boolean isOptional() {
        return false;
      }
    };
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return parameters;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return javaType(typeFactory, Boolean.class);
  }

  /** The type Calcite gives a Java method's parameter or result of this class. */
  private static RelDataType javaType(RelDataTypeFactory typeFactory, Class<?> type) {
    return ((org.apache.calcite.adapter.java.JavaTypeFactory) typeFactory).createType(type);
  }

  @Override
  public CallImplementor getImplementor() {
    // NullPolicy.NONE: matchTags itself gives SQL's three-valued answer for NULL arguments
    return RexImpTable.createImplementor((translator, call, operands) -> {
      List<Expression> wanted = operands.subList(1, operands.size());
      return Expressions.call(MATCH_TAGS, operands.get(0),
          Expressions.newArrayInit(String.class, wanted), Expressions.constant(all));
    }, NullPolicy.NONE, false);
  }
}
