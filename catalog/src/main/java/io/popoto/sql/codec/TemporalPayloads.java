package io.popoto.sql.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text payloads of the date, time and datetime envelopes of both Popoto lines. */
final class TemporalPayloads {
  /** A wall-clock value and its offset, null when Popoto stored it naive. */
  record Stamp(LocalDateTime wallClock, ZoneOffset offset) {}

  /** 0.8.3 strftime("%Y%m%dT%H:%M:%S.%f"). */
  private static final Pattern LEGACY_DATETIME =
      Pattern.compile("(\\d{4,8})(\\d{2})(\\d{2})T(\\d{2}:\\d{2}:\\d{2}\\.\\d{1,6})");
  /** strftime("%Y%m%d"): glibc does not pad years below 1000, hence 1 to 4 year digits. */
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{1,4})(\\d{2})(\\d{2})");
  private static final Pattern OFFSET_SUFFIX =
      Pattern.compile("(Z|[+-]\\d{2}:?\\d{2}(?::?\\d{2}(?:\\.\\d+)?)?)$");

  private TemporalPayloads() {}

  static LocalDate date(String text) {
    Matcher m = COMPACT_DATE.matcher(text);
    if (m.matches()) {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
    }
    return LocalDate.parse(text);
  }

  /** ISO time with optional fraction and offset; the legacy %H:%M:%S.%f is valid ISO too. */
  static Stamp time(String text) {
    Matcher m = OFFSET_SUFFIX.matcher(text);
    if (m.find() && m.start() >= 5) {
      LocalTime t = LocalTime.parse(text.substring(0, m.start()));
      return new Stamp(LocalDateTime.of(LocalDate.EPOCH, t), offset(m.group(1)));
    }
    return new Stamp(LocalDateTime.of(LocalDate.EPOCH, LocalTime.parse(text)), null);
  }

  /** The legacy naive form first (as newest's decoder does), else ISO-8601. */
  static Stamp dateTime(String text) {
    Matcher legacy = LEGACY_DATETIME.matcher(text);
    if (legacy.matches()) {
      LocalDate d = LocalDate.of(Integer.parseInt(legacy.group(1)),
          Integer.parseInt(legacy.group(2)), Integer.parseInt(legacy.group(3)));
      return new Stamp(LocalDateTime.of(d, LocalTime.parse(legacy.group(4))), null);
    }
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    Matcher m = OFFSET_SUFFIX.matcher(iso);
    // Only a suffix after the time part is an offset; the date's own '-' must not match.
    if (m.find() && m.start() > 11) {
      return new Stamp(LocalDateTime.parse(iso.substring(0, m.start())), offset(m.group(1)));
    }
    return new Stamp(LocalDateTime.parse(iso), null);
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
}
