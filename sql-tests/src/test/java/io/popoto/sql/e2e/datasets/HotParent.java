package io.popoto.sql.e2e.datasets;

/**
 * A parent row with an exact number of children, e.g. a user with exactly 10,000 tweets: name
 * is its key-field value (username, course code), key its instance key.
 */
public record HotParent(String name, String key, int children) {}
