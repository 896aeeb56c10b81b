package io.popoto.sql.calcite;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The one place that turns a filter into an {@link AccessPath} (Calcite's InnoDB adapter does
 * the same in IndexCondition). Only shapes whose index answer is a superset of the true answer
 * are used; the filter itself stays above the scan and re-checks every candidate.
 *
 * <p>Values may be literals, {@code ?} parameters, or fields of a batched join's outer rows
 * ({@code $cor7.restaurant}): Calcite's batch nested-loop join puts an OR of one equality per
 * outer row above the inner table, and that OR becomes one key lookup or one pipelined read of
 * index sets for the whole batch.
 */
final class AccessPathPlanner {
  private final PopotoTable table;
  private final List<Integer> scanColumns;
  private final RexBuilder rexBuilder;
  private final int firstOuterSlot;
  private final List<ScanSpec.OuterField> outerFields = new ArrayList<>();
  /** The condition last given to {@link #plan}, with SEARCH expanded. */
  private RexNode expanded;

  /**
   * @param firstOuterSlot where outer-row fields start in the bound-value array: after the
   *     statement's parameters
   */
  AccessPathPlanner(PopotoTable table, List<Integer> scanColumns, RexBuilder rexBuilder,
      int firstOuterSlot) {
    this.table = table;
    this.scanColumns = scanColumns;
    this.rexBuilder = rexBuilder;
    this.firstOuterSlot = firstOuterSlot;
  }

  /**
   * Whether the scan alone answers the planned condition once it reads {@code path}: it
   * is one equality or an OR of equalities, each a bare column against a value, all on the
   * column whose keys (KEYS) or reverse sets (REVERSE_SET) the path reads. Then no filter needs
   * to sit above the scan; for a batched join this spares evaluating an OR of one equality per
   * outer row on every inner row.
   */
  boolean isExact(AccessPath path) {
    boolean keys = path.type() == QueryType.KEYS && !path.buildsKey();
    if (!keys && path.type() != QueryType.REVERSE_SET) {
      return false;
    }
    for (RexNode d : RexUtil.flattenOr(List.of(expanded))) {
      if (d.getKind() != SqlKind.EQUALS) {
        return false;
      }
      RexNode a = ((RexCall) d).getOperands().get(0);
      RexNode b = ((RexCall) d).getOperands().get(1);
      RexNode ref = a instanceof RexInputRef ? a : b;
      RexNode value = ref == a ? b : a;
      PopotoColumn col = column(ref);
      boolean bareValue = value instanceof RexLiteral || value instanceof RexDynamicParam
          || isOuterField(value);
      if (!(ref instanceof RexInputRef) || col == null || !bareValue) {
        return false;
      }
      boolean same = keys ? col.part() == PopotoColumn.Part.KEY
          : col.part() == PopotoColumn.Part.VALUE && col.field() != null
              && col.field().name().equals(path.field());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** The outer-row fields the planned path binds, in slot order. */
  List<ScanSpec.OuterField> outerFields() {
    return List.copyOf(outerFields);
  }

  /** The path for a condition, or null when no index helps (then the class set is scanned). */
  AccessPath plan(RexNode condition) {
    expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    return planNode(expanded);
  }

  private AccessPath planNode(RexNode node) {
    switch (node.getKind()) {
      case OR: {
        List<AccessPath> branches = new ArrayList<>();
        for (RexNode d : RexUtil.flattenOr(((RexCall) node).getOperands())) {
          AccessPath p = planNode(d);
          if (p == null) {
            return null; // one branch needs a scan, so the whole OR does
          }
          branches.add(p);
        }
        return merge(QueryType.UNION, branches);
      }
      case AND:
        return planConjunction(RexUtil.flattenAnd(((RexCall) node).getOperands()));
      default:
        return planConjunction(List.of(node));
    }
  }

  /** One conjunction: key lookups win; else every usable index, the smallest chosen at run time. */
  private AccessPath planConjunction(List<RexNode> conjuncts) {
    Map<PopotoColumn, List<Operand>> equalities = new LinkedHashMap<>();
    Map<PopotoColumn, Bounds> ranges = new LinkedHashMap<>();
    List<AccessPath> others = new ArrayList<>();
    for (RexNode c : conjuncts) {
      if (c.getKind() == SqlKind.OR) {
        AccessPath p = planNode(c);
        if (p != null) {
          others.add(p);
        }
        continue;
      }
      Comparison cmp = Comparison.of(c);
      if (cmp == null) {
        AccessPath geo = geo(c);
        if (geo != null) {
          others.add(geo);
        }
        AccessPath tags = tags(c);
        if (tags != null) {
          others.add(tags);
        }
        continue;
      }
      PopotoColumn col = column(cmp.ref);
      if (col == null) {
        continue;
      }
      if (cmp.kind == SqlKind.EQUALS) {
        List<Operand> value = operands(col, cmp.value);
        if (value != null) {
          equalities.putIfAbsent(col, value);
        }
        if (col.field() != null && col.field().isSorted()) {
          Operand s = scoreOperand(col, cmp.value);
          if (s != null) {
            ranges.computeIfAbsent(col, k -> new Bounds()).add(SqlKind.GREATER_THAN_OR_EQUAL, s);
            ranges.get(col).add(SqlKind.LESS_THAN_OR_EQUAL, s);
          }
        }
      } else if (col.field() != null && col.field().isSorted()) {
        Operand s = scoreOperand(col, cmp.value);
        if (s != null) {
          ranges.computeIfAbsent(col, k -> new Bounds()).add(cmp.kind, s);
        }
      }
    }
    AccessPath byKey = keyLookup(equalities);
    if (byKey != null) {
      return byKey;
    }
    AccessPath byComposite = compositeLookup(conjuncts);
    if (byComposite != null) {
      return byComposite;
    }
    List<AccessPath> paths = new ArrayList<>(others);
    for (Map.Entry<PopotoColumn, List<Operand>> e : equalities.entrySet()) {
      AccessPath p = setPath(e.getKey(), e.getValue());
      if (p != null) {
        paths.add(p);
      }
    }
    for (Map.Entry<PopotoColumn, Bounds> e : ranges.entrySet()) {
      AccessPath p = rangePath(e.getKey().field(), e.getValue(), equalities);
      if (p != null) {
        paths.add(p);
      }
    }
    if (paths.isEmpty()) {
      return null;
    }
    return paths.size() == 1 ? paths.get(0) : AccessPath.compose(QueryType.INTERSECT, paths);
  }

  /** {@code _key = v}, or an equality on every key field: the hash itself. */
  private AccessPath keyLookup(Map<PopotoColumn, List<Operand>> equalities) {
    for (Map.Entry<PopotoColumn, List<Operand>> e : equalities.entrySet()) {
      if (e.getKey().part() == PopotoColumn.Part.KEY) {
        return AccessPath.keys(e.getValue());
      }
    }
    ModelDef model = table.model();
    Map<String, Operand> keyValues = new HashMap<>();
    for (Map.Entry<PopotoColumn, List<Operand>> e : equalities.entrySet()) {
      FieldDef f = e.getKey().field();
      if (f != null && f.isKey() && e.getValue().size() == 1) {
        keyValues.put(f.name(), e.getValue().get(0));
      }
    }
    if (keyValues.size() != model.keyFields().size() || keyValues.isEmpty()) {
      return null;
    }
    // The key is built at run time from the per-field operands (params may be among them).
    List<Operand> parts = new ArrayList<>();
    for (FieldDef kf : model.keyFields()) {
      if (kf.type() == ValueType.DATETIME) {
        return null; // two renderings (spec 2.5): leave it to the value sets or the zset
      }
      parts.add(keyValues.get(kf.name()));
    }
    return AccessPath.keyFromSegments(parts);
  }

  private AccessPath setPath(PopotoColumn col, List<Operand> values) {
    FieldDef f = col.field();
    if (col.part() == PopotoColumn.Part.KEY) {
      return AccessPath.keys(values);
    }
    if (f == null || col.part() != PopotoColumn.Part.VALUE) {
      return null;
    }
    if (f.isRelationship()) {
      return AccessPath.sets(QueryType.REVERSE_SET, f.name(), values);
    }
    if (f.fieldClass().indexKind() == io.popoto.sql.catalog.FieldClass.IndexKind.VALUE_SET
        && f.type() != ValueType.DECIMAL) {
      return AccessPath.sets(QueryType.VALUE_SET, f.name(), values);
    }
    if (f.isAutoKey() && table.model().keyFields().size() == 1) {
      return AccessPath.keys(values); // the key is this one value
    }
    return null;
  }

  private AccessPath rangePath(FieldDef f, Bounds b, Map<PopotoColumn, List<Operand>> equalities) {
    List<Operand> partition = new ArrayList<>();
    for (String p : f.partitionBy()) {
      Operand v = null;
      for (Map.Entry<PopotoColumn, List<Operand>> e : equalities.entrySet()) {
        FieldDef ef = e.getKey().field();
        if (ef != null && ef.name().equals(p) && e.getKey().part() == PopotoColumn.Part.VALUE) {
          v = e.getValue().size() == 1 ? e.getValue().get(0) : null;
        }
      }
      if (v == null) {
        return null; // spec 8.15: a partitioned zset needs every partition value
      }
      partition.add(v);
    }
    return AccessPath.range(f.name(), partition, b.lower, b.lowerInclusive, b.upper,
        b.upperInclusive);
  }

  /** {@code popoto_within(lat_col, lon_col, lat, lon, km)} on a GeoField's columns. */
  private AccessPath geo(RexNode node) {
    if (!(node instanceof RexCall call)
        || !call.getOperator().getName().equalsIgnoreCase(PopotoFunctions.WITHIN)
        || call.getOperands().size() != 5) {
      return null;
    }
    PopotoColumn lat = column(call.getOperands().get(0));
    PopotoColumn lon = column(call.getOperands().get(1));
    if (lat == null || lon == null || lat.field() != lon.field()
        || lat.part() != PopotoColumn.Part.LATITUDE || lon.part() != PopotoColumn.Part.LONGITUDE) {
      return null;
    }
    Operand[] args = new Operand[3];
    for (int i = 0; i < 3; i++) {
      args[i] = numberOperand(call.getOperands().get(2 + i));
      if (args[i] == null) {
        return null;
      }
    }
    return AccessPath.geo(lat.field().name(), args[0], args[1], args[2]);
  }

  /**
   * {@code popoto_has_tag(tags, 'x')}, {@code popoto_has_all_tags(tags, ...)} and
   * {@code popoto_has_any_tag(tags, ...)} on a TagField column: the tags' {@code $TagF} sets,
   * intersected or united. The call stays above the scan and re-checks every candidate.
   */
  private AccessPath tags(RexNode node) {
    if (!(node instanceof RexCall call) || call.getOperands().size() < 2) {
      return null;
    }
    String name = call.getOperator().getName();
    QueryType type = name.equalsIgnoreCase(PopotoFunctions.HAS_TAG)
        || name.equalsIgnoreCase(PopotoFunctions.HAS_ALL_TAGS) ? QueryType.TAGS_ALL
        : name.equalsIgnoreCase(PopotoFunctions.HAS_ANY_TAG) ? QueryType.TAGS_ANY : null;
    PopotoColumn col = type == null ? null : column(call.getOperands().get(0));
    if (col == null || col.field() == null || !col.field().isTags()) {
      return null;
    }
    List<Operand> values = new ArrayList<>();
    for (RexNode arg : call.getOperands().subList(1, call.getOperands().size())) {
      List<Operand> tag = operands(col, arg);
      if (tag == null || tag.size() != 1 || tag.get(0).isOuter()) {
        return null;
      }
      values.add(tag.get(0));
    }
    return AccessPath.sets(type, col.field().name(), values);
  }

  /**
   * An equality on every field of a unique {@code Meta.indexes} entry: one HGET of its
   * {@code $Index} hash. Values are rendered with canonical_key_str, unescaped. A non-unique
   * entry is not used: its hash keeps one key per digest, the last saved, so it cannot list
   * every row that has the values.
   */
  private AccessPath compositeLookup(List<RexNode> conjuncts) {
    ModelDef model = table.model();
    for (io.popoto.sql.catalog.ModelMeta.CompositeIndex ix : model.meta().indexes()) {
      if (!ix.unique()) {
        continue;
      }
      Map<String, Operand> byField = new HashMap<>();
      for (RexNode c : conjuncts) {
        Comparison cmp = Comparison.of(c);
        PopotoColumn col = cmp == null || cmp.kind != SqlKind.EQUALS ? null : column(cmp.ref);
        if (col == null || col.field() == null || col.part() != PopotoColumn.Part.VALUE
            || !ix.fields().contains(col.field().name())) {
          continue;
        }
        RexNode v = stripCast(cmp.value);
        if (v instanceof RexDynamicParam p) {
          byField.putIfAbsent(col.field().name(), Operand.param(p.getIndex()));
        } else if (v instanceof RexLiteral lit) {
          Object java = ValueConverter.fromLiteral(lit, col.sqlType());
          if (java != null) {
            byField.putIfAbsent(col.field().name(), Operand.text(
                table.schema().keyCodec().render(java, col.field().type())));
          }
        }
      }
      if (byField.size() == ix.fields().size()) {
        List<Operand> values = new ArrayList<>();
        for (String f : ix.fields()) {
          values.add(byField.get(f));
        }
        return AccessPath.sets(QueryType.COMPOSITE, String.join(":", ix.fields()), values);
      }
    }
    return null;
  }

  private static Operand numberOperand(RexNode n) {
    RexNode v = stripCast(n);
    if (v instanceof RexDynamicParam p) {
      return Operand.param(p.getIndex());
    }
    if (v instanceof RexLiteral l && !l.isNull()) {
      java.math.BigDecimal d = l.getValueAs(java.math.BigDecimal.class);
      return d == null ? null : Operand.score(d.doubleValue());
    }
    return null;
  }

  /**
   * Branches that read the same structure become one path with all their values: the OR a
   * batched join puts over the inner table (one equality per outer row) is then one pipelined
   * read, not one read per outer row.
   */
  private static AccessPath merge(QueryType type, List<AccessPath> branches) {
    AccessPath united = unite(type, branches);
    if (type == QueryType.UNION && united.type() == QueryType.UNION && united.bindsOuter()) {
      // A join batch whose condition pairs several columns would union one intersection per
      // outer row: a round trip each. One index per row (the others re-checked) merges into one
      // read; if even that does not merge, let the planner join another way.
      List<AccessPath> firsts = new ArrayList<>();
      for (AccessPath b : branches) {
        firsts.add(b.type() == QueryType.INTERSECT ? b.children().get(0) : b);
      }
      united = unite(type, firsts);
      return united.type() == QueryType.UNION ? null : united;
    }
    return united;
  }

  private static AccessPath unite(QueryType type, List<AccessPath> branches) {
    List<AccessPath> merged = new ArrayList<>();
    for (AccessPath b : branches) {
      int same = -1;
      for (int i = 0; i < merged.size() && type == QueryType.UNION; i++) {
        if (merged.get(i).unitesWith(b)) {
          same = i;
        }
      }
      if (same < 0) {
        merged.add(b);
      } else {
        merged.set(same, merged.get(same).unitedWith(b));
      }
    }
    return merged.size() == 1 ? merged.get(0) : AccessPath.compose(type, merged);
  }

  private PopotoColumn column(RexNode n) {
    RexNode s = stripCast(n);
    if (s instanceof RexInputRef ref && ref.getIndex() < scanColumns.size()) {
      return table.columns().get(scanColumns.get(ref.getIndex()));
    }
    return null;
  }

  /**
   * The value rendered for index lookups: the key string for {@code _key} and relationships, the
   * escaped segment for a key field (both renderings for a datetime, spec 2.5). Literals are
   * rendered now, parameters when the statement runs.
   */
  private List<Operand> operands(PopotoColumn col, RexNode value) {
    RexNode v = stripCast(value);
    if (v instanceof RexDynamicParam p) {
      return List.of(Operand.param(p.getIndex()));
    }
    if (isOuterField(v)) {
      return List.of(outer((RexFieldAccess) v));
    }
    if (v instanceof RexLiteral lit) {
      Object java = ValueConverter.fromLiteral(lit, col.sqlType());
      if (java == null) {
        return null;
      }
      List<Operand> out = new ArrayList<>();
      for (String t : table.schema().renderer().texts(col, java)) {
        out.add(Operand.text(t));
      }
      return out.isEmpty() ? null : out;
    }
    return null;
  }

  private Operand scoreOperand(PopotoColumn col, RexNode value) {
    RexNode v = stripCast(value);
    if (v instanceof RexDynamicParam p) {
      return Operand.param(p.getIndex());
    }
    if (v instanceof RexLiteral lit) {
      Object java = ValueConverter.fromLiteral(lit, col.sqlType());
      if (java == null) {
        return null;
      }
      return Operand.score(table.schema().scoreCodec().score(col.field(), java));
    }
    return null;
  }

  private Operand outer(RexFieldAccess access) {
    String correlation = ((RexCorrelVariable) access.getReferenceExpr()).id.getName();
    ScanSpec.OuterField f = new ScanSpec.OuterField(correlation, access.getField().getIndex(),
        access.getField().getName());
    int i = outerFields.indexOf(f);
    if (i < 0) {
      i = outerFields.size();
      outerFields.add(f);
    }
    return Operand.outer(firstOuterSlot + i, f.name());
  }

  /** {@code $cor7.field}: a field of an outer row of a batched join. */
  static boolean isOuterField(RexNode n) {
    return n instanceof RexFieldAccess a && a.getReferenceExpr() instanceof RexCorrelVariable;
  }

  /** Numeric widening casts keep order and equality; other casts could change both. */
  static RexNode stripCast(RexNode n) {
    while (n.getKind() == SqlKind.CAST) {
      RexNode inner = ((RexCall) n).getOperands().get(0);
      SqlTypeName from = inner.getType().getSqlTypeName();
      SqlTypeName to = n.getType().getSqlTypeName();
      boolean numeric = SqlTypeName.NUMERIC_TYPES.contains(from)
          && SqlTypeName.NUMERIC_TYPES.contains(to);
      boolean sameFamily = from.getFamily() == to.getFamily();
      boolean value = inner instanceof RexDynamicParam || inner instanceof RexLiteral
          || isOuterField(inner);
      // a column under a cast that may reorder or merge values is not an index lookup
      if (!numeric && !sameFamily && !value) {
        return n;
      }
      n = inner;
    }
    return n;
  }

  /** A column compared with a literal or parameter, normalized to column-on-the-left. */
  private record Comparison(SqlKind kind, RexNode ref, RexNode value) {
    static Comparison of(RexNode node) {
      if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
        return null;
      }
      SqlKind k = node.getKind();
      if (k != SqlKind.EQUALS && k != SqlKind.LESS_THAN && k != SqlKind.LESS_THAN_OR_EQUAL
          && k != SqlKind.GREATER_THAN && k != SqlKind.GREATER_THAN_OR_EQUAL) {
        return null;
      }
      RexNode a = call.getOperands().get(0);
      RexNode b = call.getOperands().get(1);
      if (isValue(b) && stripCast(a) instanceof RexInputRef) {
        return new Comparison(k, a, b);
      }
      if (isValue(a) && stripCast(b) instanceof RexInputRef) {
        return new Comparison(k.reverse(), b, a);
      }
      return null;
    }

    private static boolean isValue(RexNode n) {
      RexNode s = stripCast(n);
      return s instanceof RexLiteral || s instanceof RexDynamicParam || isOuterField(s);
    }
  }

  /** Score bounds collected from several conjuncts on one sorted field. */
  private static final class Bounds {
    Operand lower;
    boolean lowerInclusive;
    Operand upper;
    boolean upperInclusive;

    void add(SqlKind kind, Operand s) {
      switch (kind) {
        case GREATER_THAN:
        case GREATER_THAN_OR_EQUAL:
          if (lower == null || tighterLower(s)) {
            lower = s;
            lowerInclusive = kind == SqlKind.GREATER_THAN_OR_EQUAL;
          }
          break;
        case LESS_THAN:
        case LESS_THAN_OR_EQUAL:
          if (upper == null || tighterUpper(s)) {
            upper = s;
            upperInclusive = kind == SqlKind.LESS_THAN_OR_EQUAL;
          }
          break;
        default:
          break;
      }
    }

    // With parameters the tighter bound is unknown at plan time; keeping the first is still a
    // superset because the filter above re-checks every bound.
    private boolean tighterLower(Operand s) {
      return s.score() != null && lower.score() != null && s.score() > lower.score();
    }

    private boolean tighterUpper(Operand s) {
      return s.score() != null && upper.score() != null && s.score() < upper.score();
    }
  }
}
