package io.popoto.sql.calcite;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Turns an {@link AccessPath} into the Redis reads that produce its candidate keys, with the
 * statement's parameters bound, and describes it for EXPLAIN.
 */
final class AccessPathExecutor {
  /** 0.8.3 scored naive datetimes in the writer's local zone; offsets span -12h..+14h. */
  private static final double UNKNOWN_ZONE_MARGIN_SECONDS = 14 * 3600;
  /** GEOSEARCH works on geohash cells (~0.6 m); search a little wider and re-check exactly. */
  private static final double GEO_MARGIN_KM = 0.01;

  private final PopotoTable table;
  private final Object[] params;
  private final int batchSize;

  AccessPathExecutor(PopotoTable table, Object[] params) {
    this.table = table;
    this.params = params;
    this.batchSize = table.schema().options().batchSize();
  }

  private ModelDef model() {
    return table.model();
  }

  /** A SORTED_RANGE path's members in score order, with their scores. */
  ZsetPages ordered(AccessPath path, boolean descending, Integer firstPage) {
    return new ZsetPages(table.schema().source(), sortedSetKey(path), min(path), max(path),
        descending, firstPage == null ? batchSize : Math.max(1, firstPage), batchSize);
  }

  KeySource source(AccessPath path) {
    switch (path.type()) {
      case KEYS:
        return new Batched(keys(path), batchSize, false);
      case VALUE_SET:
      case REVERSE_SET:
      case TAGS_ANY:
        return new SetUnion(setKeys(path));
      case TAGS_ALL:
        return new SetIntersection(setKeys(path));
      case COMPOSITE:
        return new CompositeLookup(compositeKey(path), compositeDigests(path));
      case SORTED_RANGE:
        return new SortedRange(sortedSetKey(path), min(path), max(path), false, batchSize);
      case GEO_RADIUS:
        return geo(path);
      case UNION:
        List<KeySource> all = new ArrayList<>();
        for (AccessPath c : path.children()) {
          all.add(source(c));
        }
        return new Union(all);
      case INTERSECT:
        return new Smallest(path.children());
      default:
        return new ClassSetScan(table.schema().source(), table.indexKeys().classSet(model()),
            batchSize);
    }
  }

  private List<String> keys(AccessPath path) {
    List<String> keys = new ArrayList<>();
    if (path.buildsKey()) {
      // every key field given: build each instance key from its escaped segments
      List<FieldDef> keyFields = model().keyFields();
      for (int at = 0; at + keyFields.size() <= path.values().size(); at += keyFields.size()) {
        StringJoiner key = new StringJoiner(":");
        key.add(table.schema().keyCodec().clean(model().name()));
        for (int i = 0; i < keyFields.size(); i++) {
          List<String> seg = texts(path.values().get(at + i), columnOf(keyFields.get(i)));
          if (seg.size() != 1) {
            key = null;
            break;
          }
          key.add(seg.get(0));
        }
        if (key != null) {
          keys.add(key.toString());
        }
      }
      return keys;
    }
    for (Operand o : path.values()) {
      keys.addAll(texts(o, table.columns().get(0)));
    }
    return keys;
  }

  /** Each set once: a batched join binds the last outer row again to fill a short batch. */
  private List<String> setKeys(AccessPath path) {
    FieldDef f = model().field(path.field());
    String prefix = table.indexKeys().fieldKey(model(), f);
    Set<String> keys = new LinkedHashSet<>();
    for (Operand o : path.values()) {
      for (String t : texts(o, columnOf(f))) {
        keys.add(prefix + ":" + t);
      }
    }
    return new ArrayList<>(keys);
  }

  /** {@code $Index:<Model>:<f1>:<f2>...} of a COMPOSITE path. */
  private String compositeKey(AccessPath path) {
    for (io.popoto.sql.catalog.ModelMeta.CompositeIndex ix : model().meta().indexes()) {
      if (String.join(":", ix.fields()).equals(path.field())) {
        return io.popoto.sql.codec.IndexKeys.compositeIndex(model(), ix);
      }
    }
    throw new IllegalStateException("no Meta.indexes entry " + path.field());
  }

  /** The digest of each value tuple, every value rendered as canonical_key_str. */
  private List<String> compositeDigests(AccessPath path) {
    List<String> names = List.of(path.field().split(":"));
    Set<String> digests = new LinkedHashSet<>();
    for (int at = 0; at + names.size() <= path.values().size(); at += names.size()) {
      List<String> rendered = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Operand o = path.values().get(at + i);
        if (!o.isParam()) {
          rendered.add(o.text());
          continue;
        }
        FieldDef f = model().field(names.get(i));
        Object v = ValueConverter.fromParameter(param(o), columnOf(f).sqlType());
        if (v == null) {
          rendered = null; // = NULL matches nothing, and Popoto writes no entry for None
          break;
        }
        rendered.add(table.schema().keyCodec().render(v, f.type()));
      }
      if (rendered != null) {
        digests.add(table.indexKeys().compositeDigest(rendered));
      }
    }
    return new ArrayList<>(digests);
  }

  /**
   * What an exact path leaves to check on the decoded row: a REVERSE_SET member must still
   * point at one of the targets (spec 8.1: reverse sets keep stale members). Fetched KEYS are
   * the keys asked for, so they need nothing. A row that passes gets the target's own instance
   * in place of the text decoded from its hash, which is equal: a join's batch of 10,000
   * orders of 100 restaurants then holds 100 strings of that column, not 10,000 (less for a
   * collection to copy while later batches are read ahead, each hashed once when the join
   * groups the rows by it).
   */
  java.util.function.Predicate<Object[]> exactCheck(AccessPath path, List<Integer> scanColumns) {
    if (path.type() != QueryType.REVERSE_SET) {
      return null;
    }
    FieldDef f = model().field(path.field());
    int at = scanColumns.indexOf(table.columnIndex(f));
    Map<String, String> targets = new HashMap<>();
    for (Operand o : path.values()) {
      for (String t : texts(o, columnOf(f))) {
        targets.put(t, t);
      }
    }
    return row -> {
      String target = targets.get(row[at]);
      if (target == null) {
        return false;
      }
      row[at] = target;
      return true;
    };
  }

  private String sortedSetKey(AccessPath path) {
    FieldDef f = model().field(path.field());
    StringBuilder key = new StringBuilder(table.indexKeys().fieldKey(model(), f));
    for (int i = 0; i < path.partition().size(); i++) {
      FieldDef by = model().field(f.partitionBy().get(i));
      List<String> seg = texts(path.partition().get(i), columnOf(by));
      key.append(':').append(seg.isEmpty() ? "" : seg.get(0));
    }
    return key.toString();
  }

  private KeySource geo(AccessPath path) {
    Double lat = number(path.lower());
    Double lon = number(path.upper());
    Double km = number(path.radiusKm());
    if (lat == null || lon == null || km == null) {
      return jedis -> null;
    }
    return new GeoRadius(geoKey(path), lat, lon, km + GEO_MARGIN_KM);
  }

  private String geoKey(AccessPath path) {
    return table.indexKeys().geoSet(model(), model().field(path.field()));
  }

  private String min(AccessPath p) {
    if (p.lower() == null) {
      return "-inf";
    }
    Double s = score(p, p.lower());
    if (s == null) {
      return "+inf"; // a NULL bound matches nothing
    }
    return exact(p) && !p.lowerInclusive() ? "(" + s : bound(s - margin(p));
  }

  private String max(AccessPath p) {
    if (p.upper() == null) {
      return "+inf";
    }
    Double s = score(p, p.upper());
    if (s == null) {
      return "-inf";
    }
    return exact(p) && !p.upperInclusive() ? "(" + s : bound(s + margin(p));
  }

  private static String bound(double d) {
    return Double.toString(d);
  }

  /**
   * Scores of ints and floats are the values themselves, so bounds can be exclusive. Decimal and
   * datetime scores are conversions: search inclusively and let the re-check decide.
   */
  private boolean exact(AccessPath p) {
    ValueType t = model().field(p.field()).type();
    return t == ValueType.INT || t == ValueType.FLOAT;
  }

  private double margin(AccessPath p) {
    FieldDef f = model().field(p.field());
    return table.schema().scoreCodec().uncertain(f) ? UNKNOWN_ZONE_MARGIN_SECONDS : 0;
  }

  private Double score(AccessPath p, Operand o) {
    if (!o.isParam()) {
      return o.score();
    }
    FieldDef f = model().field(p.field());
    Object v = ValueConverter.fromParameter(param(o), columnOf(f).sqlType());
    return v == null ? null : table.schema().scoreCodec().score(f, v);
  }

  private Double number(Operand o) {
    if (!o.isParam()) {
      return o.score();
    }
    return param(o) instanceof Number n ? n.doubleValue() : null;
  }

  private List<String> texts(Operand o, PopotoColumn column) {
    if (!o.isParam()) {
      return List.of(o.text());
    }
    Object v = param(o);
    return v == null ? List.of() : table.schema().renderer().paramTexts(column, v);
  }

  private Object param(Operand o) {
    if (params == null || o.param() >= params.length) {
      throw new IllegalStateException("statement parameter ?" + (o.param() + 1) + " is not set");
    }
    return params[o.param()];
  }

  private PopotoColumn columnOf(FieldDef f) {
    return table.columns().get(table.columnIndex(f));
  }

  /** Literal values beyond this many are estimated, not counted, at plan time. */
  private static final int COUNTED_VALUES = 1000;

  /**
   * Estimated candidates for a path at plan time. Paths whose values are all literals are
   * counted in Redis (SCARD of their sets, ZCOUNT of their score range; see
   * {@link PlanStatistics}), so the planner knows which side of a join is the selective one.
   * Values bound later (statement parameters, a join batch's outer rows) are estimated: a
   * reverse set holds on average (rows of this table) / (rows of the target table) members, a
   * value set a fiftieth of the table, a score range a quarter (one bound) or a twentieth (two).
   * Any index read is estimated well below a scan, even on a tiny table, so the planner never
   * prefers SSCAN of the class set to an index.
   */
  static double estimate(AccessPath path, PopotoTable table) {
    double tableRows = table.rowCount();
    switch (path.type()) {
      case KEYS: {
        double keys = path.buildsKey()
            ? (double) path.values().size() / table.model().keyFields().size()
            : path.values().size();
        // a join batch's keys are real lookups, each likely to hit
        boolean batch = path.values().stream().anyMatch(Operand::isOuter);
        return Math.min(tableRows * (batch ? 1 : 0.1), keys);
      }
      case VALUE_SET:
        if (counted(path.values())) {
          return Math.max(1, table.schema().statistics().cardinality(
              new AccessPathExecutor(table, null).setKeys(path)));
        }
        return tableRows * Math.min(0.2, 0.02 * path.values().size());
      case TAGS_ANY:
        return tableRows * Math.min(0.2, 0.02 * path.values().size());
      case TAGS_ALL:
        return tableRows * 0.02;
      case COMPOSITE: {
        String[] names = path.field().split(":");
        return Math.min(tableRows * 0.1, (double) path.values().size() / names.length);
      }
      case REVERSE_SET: {
        if (counted(path.values())) {
          return Math.max(1, table.schema().statistics().cardinality(
              new AccessPathExecutor(table, null).setKeys(path)));
        }
        FieldDef f = table.model().field(path.field());
        PopotoTable target = table.schema().table(f.model());
        double fanOut = target == null ? tableRows * 0.01 : tableRows / target.rowCount();
        return Math.min(tableRows * 0.5, Math.max(1, fanOut * path.values().size()));
      }
      case SORTED_RANGE: {
        List<Operand> bounds = new ArrayList<>(path.partition());
        for (Operand b : new Operand[] {path.lower(), path.upper()}) {
          if (b != null) {
            bounds.add(b);
          }
        }
        if (counted(bounds)) {
          AccessPathExecutor e = new AccessPathExecutor(table, null);
          return Math.max(1, table.schema().statistics().count(e.sortedSetKey(path), e.min(path),
              e.max(path)));
        }
        return tableRows * (path.lower() != null && path.upper() != null ? 0.05 : 0.25);
      }
      case GEO_RADIUS: {
        List<Operand> circle = List.of(path.lower(), path.upper(), path.radiusKm());
        AccessPathExecutor e = new AccessPathExecutor(table, null);
        if (counted(circle)) {
          Double lat = e.number(path.lower());
          Double lon = e.number(path.upper());
          Double km = e.number(path.radiusKm());
          if (lat == null || lon == null || km == null) {
            return 1; // a NULL circle finds nothing
          }
          long found = table.schema().statistics().geoCount(e.geoKey(path), lon, lat,
              km + GEO_MARGIN_KM, COUNTED_VALUES);
          // below the cap the count is exact; at it, at least that many
          return Math.max(1, found < COUNTED_VALUES ? found
              : Math.max(COUNTED_VALUES, tableRows * 0.1));
        }
        return tableRows * 0.1;
      }
      case UNION: {
        double sum = 0;
        for (AccessPath c : path.children()) {
          sum += estimate(c, table);
        }
        return Math.min(tableRows, sum);
      }
      case INTERSECT: {
        // the smallest branch supplies the candidates (counted again at run time)
        double min = tableRows;
        for (AccessPath c : path.children()) {
          min = Math.min(min, estimate(c, table));
        }
        return min;
      }
      default:
        return tableRows;
    }
  }

  /** Whether the values are few literals, so their index sizes can be counted now. */
  private static boolean counted(List<Operand> values) {
    return values.size() <= COUNTED_VALUES && values.stream().noneMatch(Operand::isParam);
  }

  /** The path as EXPLAIN shows it; parameters appear as {@code ?}. */
  static String describe(PopotoTable table, AccessPath path) {
    ModelDef m = table.model();
    switch (path.type()) {
      case KEYS:
        return "KEYS " + (path.buildsKey() ? "<all key fields>" + keyTuples(m, path)
            : texts(path.values()));
      case VALUE_SET:
        return "VALUE_SET " + table.indexKeys().fieldKey(m, m.field(path.field())) + ":"
            + texts(path.values());
      case REVERSE_SET:
        return "RELATIONSHIP " + table.indexKeys().fieldKey(m, m.field(path.field())) + ":"
            + texts(path.values());
      case TAGS_ALL:
      case TAGS_ANY:
        return path.type() + " " + table.indexKeys().fieldKey(m, m.field(path.field())) + ":"
            + texts(path.values());
      case COMPOSITE:
        return "COMPOSITE $Index:" + m.name() + ":" + path.field() + " HGET "
            + texts(path.values());
      case SORTED_RANGE: {
        StringBuilder key = new StringBuilder(table.indexKeys().fieldKey(m, m.field(path.field())));
        for (Operand p : path.partition()) {
          key.append(':').append(p.isParam() ? "?" : p.text());
        }
        return "SORTED_RANGE " + key + " " + (path.lowerInclusive() ? "[" : "(")
            + (path.lower() == null ? "-inf" : text(path.lower())) + ", "
            + (path.upper() == null ? "+inf" : text(path.upper()))
            + (path.upperInclusive() ? "]" : ")");
      }
      case GEO_RADIUS:
        return "GEO_RADIUS " + table.indexKeys().geoSet(m, m.field(path.field())) + " ("
            + text(path.lower()) + ", " + text(path.upper()) + ") " + text(path.radiusKm())
            + " km";
      case UNION:
      case INTERSECT: {
        StringJoiner j = new StringJoiner(path.type() == QueryType.UNION ? " | " : " & ",
            path.type() + "(", ")");
        for (AccessPath c : path.children()) {
          j.add(describe(table, c));
        }
        return j.toString();
      }
      default:
        return "SCAN " + table.indexKeys().classSet(m);
    }
  }

  private static String keyTuples(ModelDef m, AccessPath path) {
    int n = path.values().size() / m.keyFields().size();
    return n == 1 ? "" : " x" + n;
  }

  /** Values for EXPLAIN; a batched join's many outer rows show as one field and a count. */
  private static String texts(List<Operand> values) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Operand v : values) {
      counts.merge(text(v), 1, Integer::sum);
    }
    StringJoiner j = new StringJoiner(", ", "{", "}");
    counts.forEach((t, n) -> j.add(n == 1 ? t : t + " x" + n));
    return values.size() == 1 ? text(values.get(0)) : j.toString();
  }

  private static String text(Operand o) {
    if (o.isOuter()) {
      return "outer." + o.outer();
    }
    if (o.isParam()) {
      return "?";
    }
    return o.text() != null ? o.text() : String.valueOf(o.score());
  }

  /** A fixed list of keys, handed out in batches. */
  private static final class Batched implements KeySource {
    private final Iterator<List<String>> batches;

    /** @param distinct whether {@code keys} hold no repeats (else the first of each is kept) */
    Batched(List<String> keys, int batchSize, boolean distinct) {
      List<List<String>> parts = new ArrayList<>();
      List<String> once = distinct ? keys : new ArrayList<>(new LinkedHashSet<>(keys));
      for (int i = 0, size; i < once.size(); i += size) {
        size = BatchSizes.of(batchSize, parts.size());
        parts.add(once.subList(i, Math.min(once.size(), i + size)));
      }
      this.batches = parts.iterator();
    }

    @Override
    public List<String> next(Jedis jedis) {
      return batches.hasNext() ? batches.next() : null;
    }

    @Override
    public boolean drained() {
      return !batches.hasNext();
    }

    @Override
    public Ahead ahead(ReplyStream stream) {
      return KeySource.inMemory(this);
    }
  }

  /**
   * The members of each set, in one pipelined round trip (none for no sets), as Redis lists
   * them: raw replies, since Jedis would build a HashSet of every reply that is only read once.
   */
  private List<java.util.Collection<?>> smembersRaw(Jedis jedis, List<String> setKeys) {
    if (setKeys.isEmpty()) {
      return List.of();
    }
    Pipeline p = jedis.pipelined();
    List<Response<Object>> replies = new ArrayList<>();
    for (String k : setKeys) {
      replies.add(p.sendCommand(Protocol.Command.SMEMBERS, k));
    }
    p.sync();
    table.schema().source().recordRoundTrips(1);
    table.schema().source().recordCommand("SMEMBERS", setKeys.size());
    List<java.util.Collection<?>> sets = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      sets.add((java.util.Collection<?>) RedisReplies.get(table.schema().source(),
          replies.get(i), "SMEMBERS", setKeys.get(i)));
    }
    return sets;
  }

  /** {@link #smembersRaw}, each member as text. */
  private List<List<String>> smembers(Jedis jedis, List<String> setKeys) {
    List<List<String>> sets = new ArrayList<>();
    for (java.util.Collection<?> members : smembersRaw(jedis, setKeys)) {
      List<String> texts = new ArrayList<>(members.size());
      for (Object m : members) {
        texts.add(SafeEncoder.encode((byte[]) m));
      }
      sets.add(texts);
    }
    return sets;
  }

  /**
   * Candidates that come from one round trip (a pipeline of SMEMBERS, a GEOSEARCH), made when
   * the first batch is asked for; from then on they are handed out in batches from memory.
   */
  private abstract class ReadOnce implements KeySource {
    private KeySource members;

    /** Every candidate, read in one round trip, each once, as batches held in memory. */
    abstract KeySource read(Jedis jedis);

    @Override
    public final List<String> next(Jedis jedis) {
      if (members == null) {
        members = read(jedis);
      }
      return members.next(jedis);
    }

    @Override
    public final Ahead ahead(ReplyStream stream) {
      return members == null ? null : members.ahead(stream); // in memory once read
    }

    @Override
    public final boolean drained() {
      return members != null && members.drained();
    }
  }

  /** The members of several sets, read in one pipeline and united client side. */
  private final class SetUnion extends ReadOnce {
    private final List<String> setKeys;

    SetUnion(List<String> setKeys) {
      this.setKeys = setKeys;
    }

    @Override
    KeySource read(Jedis jedis) {
      return new MemberUnion(smembersRaw(jedis, setKeys), batchSize);
    }
  }

  /**
   * The members of several sets, each once, the first seen first, in {@link BatchSizes} batches:
   * a batch's members are decoded and checked for repeats only when it is taken. So a reader
   * sends the first batch's commands after uniting a batch's worth, and unites the next while
   * Redis answers the one in flight. United up front, the 10,000 members of a batched join's
   * 100 reverse sets (text, hashed into a set) were a sixth of a full-table join's client CPU,
   * spent while Redis waited for the first command.
   */
  private static final class MemberUnion implements KeySource {
    private final Iterator<java.util.Collection<?>> sets;
    /** Null for one set: its members are distinct. */
    private final Set<String> seen;
    private final int batchSize;
    private Iterator<?> members = java.util.Collections.emptyIterator();
    private int batches;

    MemberUnion(List<java.util.Collection<?>> sets, int batchSize) {
      int total = 0;
      for (java.util.Collection<?> set : sets) {
        total += set.size();
      }
      this.sets = sets.iterator();
      this.seen = sets.size() < 2 ? null : new HashSet<>(Math.max(16, (int) (total / 0.7f) + 1));
      this.batchSize = batchSize;
    }

    @Override
    public List<String> next(Jedis jedis) {
      int size = BatchSizes.of(batchSize, batches);
      RawKeys batch = new RawKeys(Math.min(size, 4_096));
      while (batch.size() < size) {
        if (!members.hasNext()) {
          if (!sets.hasNext()) {
            break;
          }
          members = sets.next().iterator();
          continue;
        }
        byte[] raw = (byte[]) members.next();
        String key = SafeEncoder.encode(raw);
        if (seen == null || seen.add(key)) {
          batch.add(key, raw);
        }
      }
      if (batch.isEmpty()) {
        return null;
      }
      batches++;
      return batch;
    }

    @Override
    public boolean drained() {
      return !members.hasNext() && !sets.hasNext();
    }

    @Override
    public Ahead ahead(ReplyStream stream) {
      return KeySource.inMemory(this);
    }
  }

  /** The members every one of several sets holds: one pipeline of SMEMBERS, intersected. */
  private final class SetIntersection extends ReadOnce {
    private final List<String> setKeys;

    SetIntersection(List<String> setKeys) {
      this.setKeys = setKeys;
    }

    @Override
    KeySource read(Jedis jedis) {
      Set<String> common = null;
      for (List<String> set : smembers(jedis, setKeys)) {
        if (common == null) {
          common = new LinkedHashSet<>(set);
        } else {
          common.retainAll(new HashSet<>(set));
        }
      }
      return new Batched(common == null ? List.of() : new ArrayList<>(common), batchSize, true);
    }
  }

  /** The keys a unique {@code $Index} hash maps the digests to: one pipeline of HGET. */
  private final class CompositeLookup implements KeySource {
    private final String hashKey;
    private final List<String> digests;
    private boolean done;

    CompositeLookup(String hashKey, List<String> digests) {
      this.hashKey = hashKey;
      this.digests = digests;
    }

    @Override
    public List<String> next(Jedis jedis) {
      if (done || digests.isEmpty()) {
        return null;
      }
      done = true;
      Pipeline p = jedis.pipelined();
      List<Response<String>> replies = new ArrayList<>();
      for (String d : digests) {
        replies.add(p.hget(hashKey, d));
      }
      p.sync();
      table.schema().source().recordRoundTrips(1);
      table.schema().source().recordCommand("HGET", digests.size());
      List<String> keys = new ArrayList<>();
      for (Response<String> r : replies) {
        if (r.get() != null) {
          keys.add(r.get());
        }
      }
      return keys.isEmpty() ? null : new ArrayList<>(new LinkedHashSet<>(keys));
    }

    @Override
    public boolean drained() {
      return done || digests.isEmpty();
    }
  }

  /**
   * A score range of one zset, paged with ZRANGEBYSCORE ... LIMIT (or ZREVRANGEBYSCORE). Pages
   * are read only as the consumer asks, so a LIMIT above stops the reading; the first page is
   * small because an ordered read under a LIMIT usually needs only a few rows.
   */
  private final class SortedRange implements KeySource {
    private final String key;
    private final String min;
    private final String max;
    private final boolean descending;
    private final int firstPage;
    private int offset;
    /** Pages read: the next one is {@link BatchSizes#of} this many in. */
    private int pages;
    private boolean done;

    SortedRange(String key, String min, String max, boolean descending, int firstPage) {
      this.key = key;
      this.min = min;
      this.max = max;
      this.descending = descending;
      this.firstPage = firstPage;
    }

    @Override
    public List<String> next(Jedis jedis) {
      if (done) {
        return null;
      }
      int count = count();
      return accept(RedisReplies.call(table.schema().source(), command(), key, () -> descending
          ? jedis.zrevrangeByScore(key, max, min, offset, count)
          : jedis.zrangeByScore(key, min, max, offset, count)), count);
    }

    /** The next page's command, written now; the offset moves when its reply is read. */
    @Override
    public Ahead ahead(ReplyStream stream) {
      if (done) {
        return () -> null;
      }
      int count = count();
      redis.clients.jedis.CommandObject<List<String>> range = descending
          ? ReplyStream.COMMANDS.zrevrangeByScore(key, max, min, offset, count)
          : ReplyStream.COMMANDS.zrangeByScore(key, min, max, offset, count);
      stream.send(range);
      return () -> {
        Object reply = stream.next(range);
        if (reply instanceof redis.clients.jedis.exceptions.JedisDataException e) {
          throw RedisReplies.refused(table.schema().source(), command(), key, e);
        }
        @SuppressWarnings("unchecked")
        List<String> page = (List<String>) reply;
        return accept(page, count);
      };
    }

    private int count() {
      return offset == 0 ? Math.min(firstPage, batchSize) : BatchSizes.of(batchSize, pages);
    }

    private String command() {
      return descending ? "ZREVRANGEBYSCORE" : "ZRANGEBYSCORE";
    }

    private List<String> accept(List<String> page, int count) {
      table.schema().source().recordRoundTrip(command());
      pages++;
      offset += page.size();
      done = page.size() < count;
      return page.isEmpty() ? null : page;
    }
  }

  /** Members of a geo set within a radius (GEOSEARCH), one round trip. */
  private final class GeoRadius extends ReadOnce {
    private final String key;
    private final double lat;
    private final double lon;
    private final double km;

    GeoRadius(String key, double lat, double lon, double km) {
      this.key = key;
      this.lat = lat;
      this.lon = lon;
      this.km = km;
    }

    @Override
    KeySource read(Jedis jedis) {
      List<GeoRadiusResponse> found = RedisReplies.call(table.schema().source(), "GEOSEARCH",
          key, () -> jedis.geosearch(key,
              new GeoSearchParam().fromLonLat(lon, lat).byRadius(km, GeoUnit.KM)));
      table.schema().source().recordRoundTrip("GEOSEARCH");
      List<String> keys = new ArrayList<>();
      for (GeoRadiusResponse r : found) {
        keys.add(r.getMemberByString());
      }
      return new Batched(keys, batchSize, true);
    }
  }

  /** Several paths' candidates, each key once. */
  private static final class Union implements KeySource {
    private final Iterator<KeySource> sources;
    private final Set<String> seen = new java.util.HashSet<>();
    private KeySource current;

    Union(List<KeySource> sources) {
      this.sources = sources.iterator();
    }

    @Override
    public List<String> next(Jedis jedis) {
      while (true) {
        if (current == null) {
          if (!sources.hasNext()) {
            return null;
          }
          current = sources.next();
        }
        List<String> batch = current.next(jedis);
        if (batch == null) {
          current = null;
          continue;
        }
        List<String> fresh = new ArrayList<>();
        for (String k : batch) {
          if (seen.add(k)) {
            fresh.add(k);
          }
        }
        if (!fresh.isEmpty()) {
          return fresh;
        }
      }
    }
  }

  /**
   * AND of several paths: every branch is counted in one pipeline (SCARD, ZCOUNT), the smallest
   * supplies the candidates, and the filter re-checks the other branches on the hash.
   */
  private final class Smallest implements KeySource {
    private final List<AccessPath> branches;
    private KeySource chosen;

    Smallest(List<AccessPath> branches) {
      this.branches = branches;
    }

    @Override
    public List<String> next(Jedis jedis) {
      if (chosen == null) {
        chosen = source(pick(jedis));
      }
      return chosen.next(jedis);
    }

    @Override
    public Ahead ahead(ReplyStream stream) {
      return chosen == null ? null : chosen.ahead(stream);
    }

    @Override
    public boolean drained() {
      return chosen != null && chosen.drained();
    }

    private AccessPath pick(Jedis jedis) {
      Pipeline p = jedis.pipelined();
      List<List<Response<Long>>> counts = new ArrayList<>();
      for (AccessPath b : branches) {
        List<Response<Long>> c = new ArrayList<>();
        switch (b.type()) {
          case VALUE_SET:
          case REVERSE_SET:
            for (String k : setKeys(b)) {
              c.add(p.scard(k));
            }
            break;
          case SORTED_RANGE:
            c.add(p.zcount(sortedSetKey(b), min(b), max(b)));
            break;
          case TAGS_ANY:
          case TAGS_ALL:
            // an intersection holds at most its smallest set; a union at most their sum
            for (String k : setKeys(b)) {
              c.add(p.scard(k));
            }
            break;
          default:
            c = null;
        }
        counts.add(c);
      }
      p.sync();
      table.schema().source().recordRoundTrips(1);
      AccessPath best = null;
      double bestCount = Double.MAX_VALUE;
      for (int i = 0; i < branches.size(); i++) {
        double n;
        if (counts.get(i) == null) {
          QueryType t = branches.get(i).type();
          n = t == QueryType.KEYS || t == QueryType.COMPOSITE ? branches.get(i).values().size()
              : Double.MAX_VALUE / 2;
        } else {
          String command = branches.get(i).type() == QueryType.SORTED_RANGE ? "ZCOUNT" : "SCARD";
          RedisSource source = table.schema().source();
          java.util.stream.LongStream counted = counts.get(i).stream()
              .mapToLong(r -> RedisReplies.get(source, r, command, null));
          n = branches.get(i).type() == QueryType.TAGS_ALL ? counted.min().orElse(0)
              : counted.sum();
          source.recordCommand(command, counts.get(i).size());
        }
        if (n < bestCount) {
          bestCount = n;
          best = branches.get(i);
        }
      }
      return best;
    }
  }
}
