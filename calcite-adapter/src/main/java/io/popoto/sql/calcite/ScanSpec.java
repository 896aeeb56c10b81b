package io.popoto.sql.calcite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one table access reads: which columns, found through which access path. It travels into
 * generated code as a JSON string constant, so a plan compiled once runs many times; statement
 * parameters are bound at execution.
 *
 * @param columns indexes into the table's columns, in output order
 * @param path where candidate keys come from; null means the class set
 * @param paramCount how many statement parameters the path may reference
 * @param outer the outer-row fields a batched join binds after the parameters, in slot order
 * @param exact the scan itself guarantees the filter its path came from (keys fetched are the
 *     keys asked for; a reverse-set member's relationship value is compared with the targets),
 *     so no filter re-checks above it
 * @param descending for a SORTED_RANGE path read in zset order: null when the order does not
 *     matter, else whether it is read from the highest score down
 * @param firstPage for an ordered read under a LIMIT: how many members the first page asks for
 *     (offset + fetch), so no more hashes are fetched than the answer needs
 * @param rowLimit when no filter sits between the read and the LIMIT: the scan stops after this
 *     many rows itself (Calcite's limit asks for one row more than it returns)
 * @param ties for an ordered read: the further ORDER BY keys after the sorted field, which
 *     order the members of one score (a tie group) before they are handed on
 */
public record ScanSpec(List<Integer> columns, AccessPath path, int paramCount,
    List<OuterField> outer, boolean exact, Boolean descending, Integer firstPage,
    Integer rowLimit, List<SortKey> ties) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, ScanSpec> PARSED = new ConcurrentHashMap<>();

  public ScanSpec {
    columns = List.copyOf(columns);
    outer = outer == null ? List.of() : List.copyOf(outer);
    ties = ties == null ? List.of() : List.copyOf(ties);
  }

  ScanSpec(List<Integer> columns) {
    this(columns, null, 0, List.of(), false, null, null, null, List.of());
  }

  ScanSpec withColumns(List<Integer> newColumns) {
    return new ScanSpec(newColumns, path, paramCount, outer, exact, descending, firstPage,
        rowLimit, ties);
  }

  ScanSpec withPath(AccessPath newPath, int newParamCount, List<OuterField> newOuter,
      boolean newExact) {
    return new ScanSpec(columns, newPath, newParamCount, newOuter, newExact, descending,
        firstPage, rowLimit, ties);
  }

  /**
   * Reads a SORTED_RANGE path in score order, ascending or descending, each tie group ordered
   * by {@code newTies}.
   */
  ScanSpec ordered(AccessPath range, int newParamCount, boolean desc, List<SortKey> newTies,
      Integer limit, boolean stopAtLimit) {
    return new ScanSpec(columns, range, newParamCount, outer, exact, desc, limit,
        stopAtLimit ? limit : null, newTies);
  }

  /** The same read, stopping after {@code limit} rows (a LIMIT with no ORDER BY above it). */
  ScanSpec withRowLimit(int limit) {
    return new ScanSpec(columns, path, paramCount, outer, exact, descending, firstPage, limit,
        ties);
  }

  /**
   * One ORDER BY key of an ordered read.
   *
   * @param column the index into the table's columns (not the scan's, which narrowing changes)
   * @param descending DESC
   * @param nullsFirst where NULLs go
   */
  public record SortKey(int column, boolean descending, boolean nullsFirst) {}

  /**
   * A field of the current outer row of a batched nested-loop join: Calcite binds one
   * correlation variable per outer row of the batch, and this scan reads the index entries of
   * all of them at once.
   *
   * @param correlation the correlation variable's name ({@code $cor7})
   * @param field the field's index in the outer row
   * @param name the field's name, for EXPLAIN
   */
  public record OuterField(String correlation, int field, String name) {}

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ScanSpec fromJson(String json) {
    return PARSED.computeIfAbsent(json, j -> {
      try {
        return JSON.readValue(j, ScanSpec.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("bad scan spec " + j, e);
      }
    });
  }
}
