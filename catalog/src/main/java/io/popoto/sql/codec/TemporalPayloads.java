package io.popoto.sql.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Parses the text payloads of the date, time and datetime envelopes of both Popoto lines.
 *
 * <p>Hand-written rather than regular expressions or one {@code DateTimeFormatter}, because a
 * full scan parses one or more of these per row and the regex version was the largest client
 * cost of a full read (docs/performance.md). The shapes Popoto writes (compact and ISO dates,
 * legacy {@code %Y%m%dT%H:%M:%S.%f}, {@code isoformat()} with or without fraction and offset)
 * are read by a single pass over the characters; anything else, including every invalid value,
 * goes to java.time's ISO parsers exactly as before, so they accept the same texts and fail
 * with the same messages.
 */
final class TemporalPayloads {
  /** A wall-clock value and its offset, null when Popoto stored it naive. */
  record Stamp(LocalDateTime wallClock, ZoneOffset offset) {}

  private TemporalPayloads() {}

  /** strftime("%Y%m%d"): glibc does not pad years below 1000, hence 1 to 4 year digits. */
  static LocalDate date(String text) {
    int n = text.length();
    if (n >= 5 && n <= 8 && digits(text, 0, n)) {
      return LocalDate.of(number(text, 0, n - 4), number(text, n - 4, n - 2),
          number(text, n - 2, n));
    }
    return LocalDate.parse(text);
  }

  /** ISO time with optional fraction and offset; the legacy %H:%M:%S.%f is valid ISO too. */
  static Stamp time(String text) {
    int at = offsetStart(text);
    if (at >= 5) {
      LocalTime t = localTime(text, 0, at);
      return new Stamp(LocalDateTime.of(LocalDate.EPOCH, t), offset(text.substring(at)));
    }
    return new Stamp(LocalDateTime.of(LocalDate.EPOCH, localTime(text, 0, text.length())), null);
  }

  /**
   * The legacy naive form first (as newest's decoder does: {@code \d{8}T\d{2}:\d{2}:\d{2}\.\d{1,6}},
   * the year unpadded below 1000 or above 9999), else ISO-8601 with a space or a 'T' between
   * date and time, an optional fraction and an optional offset.
   */
  static Stamp dateTime(String text) {
    int t = leadingDigits(text);
    if (t >= 8 && t <= 12 && t < text.length() && text.charAt(t) == 'T'
        && legacyClock(text, t + 1)) {
      LocalDate d = LocalDate.of(number(text, 0, t - 4), number(text, t - 4, t - 2),
          number(text, t - 2, t));
      return new Stamp(LocalDateTime.of(d, localTime(text, t + 1, text.length())), null);
    }
    // Only a suffix after the time part is an offset; the date's own '-' must not count.
    int at = offsetStart(text);
    if (at > 11) {
      return new Stamp(localDateTime(text, at), offset(text.substring(at)));
    }
    return new Stamp(localDateTime(text, text.length()), null);
  }

  /** {@code text[from..]} is {@code \d{2}:\d{2}:\d{2}\.\d{1,6}} to the end. */
  private static boolean legacyClock(String text, int from) {
    int fraction = text.length() - (from + 9);
    return fraction >= 1 && fraction <= 6 && digits(text, from, from + 2)
        && text.charAt(from + 2) == ':' && digits(text, from + 3, from + 5)
        && text.charAt(from + 5) == ':' && digits(text, from + 6, from + 8)
        && text.charAt(from + 8) == '.' && digits(text, from + 9, text.length());
  }

  /** ISO_LOCAL_DATE_TIME of {@code text[0..to)}, a space at index 10 read as the 'T'. */
  private static LocalDateTime localDateTime(String text, int to) {
    if (to >= 16 && text.charAt(4) == '-' && text.charAt(7) == '-'
        && (text.charAt(10) == 'T' || text.charAt(10) == ' ')
        && digits(text, 0, 4) && digits(text, 5, 7) && digits(text, 8, 10)) {
      int year = number(text, 0, 4);
      int month = number(text, 5, 7);
      int day = number(text, 8, 10);
      LocalTime clock = clock(text, 11, to);
      if (clock != null && month >= 1 && month <= 12
          && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))) {
        return LocalDateTime.of(LocalDate.of(year, month, day), clock);
      }
    }
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    return LocalDateTime.parse(iso.substring(0, to));
  }

  /** ISO_LOCAL_TIME of {@code text[from..to)}. */
  private static LocalTime localTime(String text, int from, int to) {
    LocalTime clock = clock(text, from, to);
    return clock != null ? clock : LocalTime.parse(text.substring(from, to));
  }

  /**
   * {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.f} (1 to 9 fraction digits) in range;
   * null for any other text, which the ISO parser then accepts or rejects with its message.
   */
  private static LocalTime clock(String text, int from, int to) {
    int n = to - from;
    if (n < 5 || !digits(text, from, from + 2) || text.charAt(from + 2) != ':'
        || !digits(text, from + 3, from + 5)) {
      return null;
    }
    int hour = number(text, from, from + 2);
    int minute = number(text, from + 3, from + 5);
    int second = 0;
    int nanos = 0;
    if (n > 5) {
      if (n < 8 || text.charAt(from + 5) != ':' || !digits(text, from + 6, from + 8)) {
        return null;
      }
      second = number(text, from + 6, from + 8);
      if (n > 8) {
        int places = n - 9;
        if (places < 1 || places > 9 || text.charAt(from + 8) != '.'
            || !digits(text, from + 9, to)) {
          return null;
        }
        nanos = number(text, from + 9, to);
        for (int i = places; i < 9; i++) {
          nanos *= 10;
        }
      }
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    return LocalTime.of(hour, minute, second, nanos);
  }

  /**
   * Where the offset suffix starts, or -1: {@code Z}, or {@code [+-]hh[:]mm} optionally followed
   * by {@code [:]ss} and then optionally by {@code .f+}, ending the text. Such a suffix holds no
   * sign and no 'Z' after its first character, so it can only start at the last of them.
   */
  private static int offsetStart(String text) {
    int n = text.length();
    int s = n - 1;
    while (s >= 0 && "+-Z".indexOf(text.charAt(s)) < 0) {
      s--;
    }
    if (s < 0) {
      return -1;
    }
    if (text.charAt(s) == 'Z') {
      return s == n - 1 ? s : -1;
    }
    int i = s + 1;
    if (!digits(text, i, i + 2)) {
      return -1;
    }
    i += i + 2 < n && text.charAt(i + 2) == ':' ? 3 : 2;
    if (!digits(text, i, i + 2)) {
      return -1;
    }
    i += 2;
    if (i == n) {
      return s;
    }
    if (text.charAt(i) == ':') {
      i++;
    }
    if (!digits(text, i, i + 2)) {
      return -1;
    }
    i += 2;
    if (i == n) {
      return s;
    }
    return text.charAt(i) == '.' && i + 1 < n && digits(text, i + 1, n) ? s : -1;
  }

  private static ZoneOffset offset(String text) {
    if (text.equals("Z")) {
      return ZoneOffset.UTC;
    }
    String t = text;
    int dot = t.indexOf('.');
    if (dot >= 0) {
      t = t.substring(0, dot);
    }
    return ZoneOffset.of(t);
  }

  private static int leadingDigits(String text) {
    int i = 0;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Whether {@code text[from..to)} lies inside the text and is all ASCII digits. */
  private static boolean digits(String text, int from, int to) {
    if (to > text.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The regexes this replaces used {@code \d}, which is ASCII only. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code text[from..to)}, at most 9 ASCII digits, as a number. */
  private static int number(String text, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (text.charAt(i) - '0');
    }
    return v;
  }
}
