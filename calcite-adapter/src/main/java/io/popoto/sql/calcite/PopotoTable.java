package io.popoto.sql.calcite;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.java.AbstractQueryableTable;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelReferentialConstraint;
import org.apache.calcite.rel.RelReferentialConstraintImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTableQueryable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.IntPair;

/** One Popoto model as a SQL table. */
public final class PopotoTable extends AbstractQueryableTable implements TranslatableTable {
  private static final long STATS_TTL_NANOS = 30_000_000_000L;

  private final PopotoSchema schema;
  private final ModelDef model;
  private final List<PopotoColumn> columns;
  private volatile long rowCount = -1;
  private volatile long rowCountAt;

  PopotoTable(PopotoSchema schema, ModelDef model) {
    super(Object[].class);
    this.schema = schema;
    this.model = model;
    this.columns = PopotoColumn.of(model);
  }

  public ModelDef model() {
    return model;
  }

  public PopotoSchema schema() {
    return schema;
  }

  public List<PopotoColumn> columns() {
    return columns;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (PopotoColumn c : columns) {
      RelDataType t;
      if (c.sqlType() == SqlTypeName.DECIMAL) {
        // The declared decimal places, else scale 0 standing for "no fixed scale" (as pgjdbc
        // reports an unconstrained numeric): the values then keep the scale they were stored
        // with, which Calcite never changes short of an explicit CAST.
        Integer places = c.field().decimalPlaces();
        t = typeFactory.createSqlType(SqlTypeName.DECIMAL,
            typeFactory.getTypeSystem().getMaxNumericPrecision(), places == null ? 0 : places);
      } else if (c.sqlType() == SqlTypeName.TIMESTAMP || c.sqlType() == SqlTypeName.TIME) {
        t = typeFactory.createSqlType(c.sqlType(), 3);
      } else {
        t = typeFactory.createSqlType(c.sqlType());
      }
      // Only _key is NOT NULL: Popoto data drifts, and a NOT NULL column would let the planner
      // fold "x IS NULL" to FALSE on rows that do hold nil.
      boolean nullable = c.part() != PopotoColumn.Part.KEY;
      b.add(c.name(), typeFactory.createTypeWithNullability(t, nullable));
    }
    return b.build();
  }

  @Override
  public Statistic getStatistic() {
    List<RelReferentialConstraint> fks = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      FieldDef f = columns.get(i).field();
      if (f != null && f.isRelationship()) {
        fks.add(RelReferentialConstraintImpl.of(List.of(schema.name(), model.name()),
            List.of(schema.name(), f.model()), List.of(IntPair.of(i, 0))));
      }
    }
    return Statistics.of(rowCount(), List.of(ImmutableBitSet.of(0)), fks,
        List.of());
  }

  /** SCARD of the class set, cached briefly: the planner asks often. */
  double rowCount() {
    long now = System.nanoTime();
    if (rowCount < 0 || now - rowCountAt > STATS_TTL_NANOS) {
      RedisSource source = schema.source();
      String classSet = indexKeys().classSet(model);
      rowCount = source.read(jedis -> RedisReplies.call(source, "SCARD", classSet,
          () -> jedis.scard(classSet)));
      source.recordRoundTrip("SCARD");
      rowCountAt = now;
    }
    return Math.max(rowCount, 1);
  }

  /** The index of the (first) column of a field, as in {@link #columns()}. */
  int columnIndex(FieldDef field) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).field() == field) {
        return i;
      }
    }
    throw new IllegalArgumentException(field.name());
  }

  IndexKeys indexKeys() {
    return schema.indexKeys();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      all.add(i);
    }
    return new PopotoTableScan(cluster, cluster.traitSetOf(PopotoRel.CONVENTION), relOptTable,
        this, new ScanSpec(all));
  }

  @Override
  public <T> Queryable<T> asQueryable(QueryProvider queryProvider, SchemaPlus schemaPlus,
      String tableName) {
    return new PopotoQueryable<>(queryProvider, schemaPlus, this, tableName);
  }

  /**
   * The fetcher (and decoder) of each column list read so far: both are immutable, and a
   * prepared statement reads the same list every time, so they are built once, not per
   * execution.
   */
  private final java.util.Map<List<Integer>, HashFetcher> fetchers =
      new java.util.concurrent.ConcurrentHashMap<>();

  private HashFetcher fetcher(List<Integer> columnIndexes) {
    return new HashFetcher(schema.source(), decoder(columnIndexes), schema.options().overlap());
  }

  private RowDecoder decoder(List<Integer> columnIndexes) {
    List<PopotoColumn> selected = new ArrayList<>();
    for (int i : columnIndexes) {
      selected.add(columns.get(i));
    }
    return new RowDecoder(model, selected, schema.valueCodec(), schema.keyCodec(),
        schema.options().strict(), schema::warn);
  }

  /** Runs a scan described by a spec; called from generated code. */
  public Enumerable<Object[]> execute(ScanSpec spec, Object[] params,
      java.util.concurrent.atomic.AtomicBoolean cancel) {
    HashFetcher fetcher = fetchers.computeIfAbsent(spec.columns(), this::fetcher);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        AccessPath path = spec.path() == null ? AccessPath.CLASS_SCAN : spec.path();
        AccessPathExecutor executor = new AccessPathExecutor(PopotoTable.this, params);
        if (spec.descending() != null) {
          return scoreOrdered(spec, executor.ordered(path, spec.descending(), spec.firstPage()),
              fetcher);
        }
        return new RowEnumerator(schema.source(), executor.source(path), fetcher,
            spec.rowLimit(), spec.exact() ? executor.exactCheck(path, spec.columns()) : null,
            cancel, !spec.outer().isEmpty(), Gathering.current());
      }
    };
  }

  private Enumerator<Object[]> scoreOrdered(ScanSpec spec, ZsetPages pages,
      HashFetcher fetcher) {
    FieldDef sorted = model.field(spec.path().field());
    java.util.Comparator<Object[]> ties = null;
    for (ScanSpec.SortKey k : spec.ties()) {
      int at = spec.columns().indexOf(k.column());
      java.util.Comparator<Object[]> one = (a, b) -> compareValues(a[at], b[at], k);
      ties = ties == null ? one : ties.thenComparing(one);
    }
    boolean byKey = spec.ties().size() == 1 && spec.ties().get(0).column() == 0
        && spec.ties().get(0).descending() == spec.descending();
    return new ScoreOrderedRows(schema.source(), pages, fetcher, schema.options().batchSize(),
        spec.columns().indexOf(0), spec.columns().indexOf(columnIndex(sorted)), sorted,
        schema.scoreCodec(), ties, byKey, spec.rowLimit());
  }

  /** Calcite's order of two column values: natural order (String: UTF-16), NULLs as asked. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b, ScanSpec.SortKey k) {
    if (a == null || b == null) {
      int c = a == b ? 0 : a == null ? -1 : 1;
      return k.nullsFirst() ? c : -c;
    }
    int c = ((Comparable) a).compareTo(b);
    return k.descending() ? -c : c;
  }

  /** The entry point generated code calls: {@code table.query(specJson, params)}. */
  public static final class PopotoQueryable<T> extends AbstractTableQueryable<T> {
    PopotoQueryable(QueryProvider queryProvider, SchemaPlus schema, PopotoTable table,
        String tableName) {
      super(queryProvider, schema, table, tableName);
    }

    @Override
    public Enumerator<T> enumerator() {
      throw new UnsupportedOperationException("enumerator");
    }

    @SuppressWarnings("unused") // called from generated code
    public Enumerable<Object[]> query(String specJson, Object[] params,
        org.apache.calcite.DataContext root) {
      return ((PopotoTable) table).execute(ScanSpec.fromJson(specJson), params,
          Cancellation.flag(root));
    }

    @SuppressWarnings("unused") // called from generated code
    public Enumerable<Object> queryScalar(String specJson, Object[] params,
        org.apache.calcite.DataContext root) {
      return query(specJson, params, root).select(row -> row[0]);
    }
  }

  @Override
  public Type getElementType() {
    return Object[].class;
  }
}
