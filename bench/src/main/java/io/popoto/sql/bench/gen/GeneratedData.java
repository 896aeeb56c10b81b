package io.popoto.sql.bench.gen;

import java.util.List;
import java.util.Map;

/**
 * What a generation run wrote, enough for workloads to pick parameters: restaurants, customers
 * and drivers hottest first (Zipf rank 0 is the busiest), and a sample of order keys.
 */
public record GeneratedData(
    List<String> restaurantKeys,
    List<String> restaurantNames,
    List<String> customerKeys,
    List<String> driverKeys,
    List<String> orderKeySample,
    Map<String, Integer> rowsPerModel,
    int faults,
    long commands,
    long millis) {}
