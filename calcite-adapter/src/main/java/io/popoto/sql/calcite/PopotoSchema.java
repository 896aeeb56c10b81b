package io.popoto.sql.calcite;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.ScoreCodec;
import io.popoto.sql.codec.ValueCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One Calcite schema over one Popoto keyspace: a table per model of the catalog. */
public final class PopotoSchema extends AbstractSchema {
  static {
    PopotoCalcite.preferUnicodeDefault(); // before the functions below load Calcite
  }

  /** Warnings kept at most, so a lenient scan of a broken table cannot exhaust memory. */
  private static final int MAX_WARNINGS = 100;
  /** Calcite asks for the functions on every name lookup; reflect on them once. */
  private static final com.google.common.collect.Multimap<String,
      org.apache.calcite.schema.Function> FUNCTIONS = PopotoFunctions.all();

  private final Catalog catalog;
  private final RedisSource source;
  private final ReaderOptions options;
  private final String name;
  private final KeyCodec keyCodec;
  private final IndexKeys indexKeys;
  private final ValueCodec valueCodec;
  private final ScoreCodec scoreCodec;
  private final IndexRenderer renderer;
  private final PlanStatistics statistics;
  private final Map<String, Table> tables;
  private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
  private final AtomicInteger dropped = new AtomicInteger();

  public PopotoSchema(Catalog catalog, RedisSource source, ReaderOptions options) {
    this(catalog, source, options, "popoto");
  }

  /** @param name the name this schema is registered under (used in referential constraints) */
  public PopotoSchema(Catalog catalog, RedisSource source, ReaderOptions options, String name) {
    this.catalog = catalog;
    this.source = source;
    this.options = options;
    this.name = name;
    this.keyCodec = KeyCodec.forLine(catalog.formatLine());
    this.indexKeys = new IndexKeys(keyCodec);
    this.valueCodec = new ValueCodec(catalog);
    this.scoreCodec = new ScoreCodec(catalog);
    this.renderer = new IndexRenderer(keyCodec);
    this.statistics = new PlanStatistics(source);
    Map<String, Table> map = new LinkedHashMap<>();
    for (ModelDef m : catalog.models()) {
      map.put(m.name(), new PopotoTable(this, m));
    }
    this.tables = map;
  }

  public Catalog catalog() {
    return catalog;
  }

  public RedisSource source() {
    return source;
  }

  public ReaderOptions options() {
    return options;
  }

  public String name() {
    return name;
  }

  KeyCodec keyCodec() {
    return keyCodec;
  }

  IndexKeys indexKeys() {
    return indexKeys;
  }

  ValueCodec valueCodec() {
    return valueCodec;
  }

  ScoreCodec scoreCodec() {
    return scoreCodec;
  }

  IndexRenderer renderer() {
    return renderer;
  }

  PlanStatistics statistics() {
    return statistics;
  }

  /** The table of a model of this schema's catalog. */
  PopotoTable table(String model) {
    return (PopotoTable) tables.get(model);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override
  protected com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function>
      getFunctionMultimap() {
    return FUNCTIONS;
  }

  /** Records a lenient-mode decode problem for the driver to surface as an SQLWarning. */
  void warn(String message) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(message);
    } else {
      dropped.incrementAndGet();
    }
  }

  /** Takes the warnings recorded since the last call. */
  public List<String> drainWarnings() {
    List<String> out = new ArrayList<>();
    String w;
    while ((w = warnings.poll()) != null) {
      out.add(w);
    }
    int more = dropped.getAndSet(0);
    if (more > 0) {
      out.add(more + " more decode warnings were not kept");
    }
    return out;
  }
}
