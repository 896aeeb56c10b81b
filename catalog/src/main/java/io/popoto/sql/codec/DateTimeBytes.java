package io.popoto.sql.codec;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads a datetime envelope's payload to UTC epoch milliseconds straight from its reply bytes,
 * for the shapes Popoto writes: 0.8's {@code %Y%m%dT%H:%M:%S.%f} and 1.x's {@code isoformat()}
 * ({@code YYYY-MM-DD}, {@code T} or a space, {@code HH:MM}, optional seconds and a fraction of 1
 * to 9 digits, then nothing, {@code Z} or {@code ±HH:MM}), four-digit years. A full scan reads
 * several datetimes per row, and the text, the three java.time objects and the envelope's
 * names that {@link TemporalPayloads} and the streaming unpacker make for each were a fifth of
 * its client CPU.
 *
 * <p>Anything else, valid or not (other offsets and year widths, out-of-range fields), is
 * {@link #UNDECIDED}, and the caller takes the full reading, so every value this answers is the
 * one that reading gives ({@code DateTimeBytesTest}) and every error keeps its message.
 */
final class DateTimeBytes {
  /** The bytes need the full reading. */
  static final long UNDECIDED = Long.MIN_VALUE;
  /** A naive value's zone is not a fixed offset: only the full reading can place it. */
  static final int NOT_FIXED = Integer.MIN_VALUE;

  private DateTimeBytes() {}

  /**
   * The instant of {@code b[from..to)}; a naive value is read at {@code naiveOffsetSeconds} east
   * of UTC ({@link #NOT_FIXED}: undecided).
   */
  static long epochMillis(byte[] b, int from, int to, int naiveOffsetSeconds) {
    int n = to - from;
    if (n < 15) {
      return UNDECIDED;
    }
    int year = digits(b, from, 4, to);
    int month;
    int day;
    int clock; // where HH starts
    boolean legacy = b[from + 4] != '-';
    if (legacy) { // %Y%m%dT%H:%M:%S.%f: 8 digits, T, then the clock with a 1-6 digit fraction
      month = digits(b, from + 4, 2, to);
      day = digits(b, from + 6, 2, to);
      if (b[from + 8] != 'T') {
        return UNDECIDED;
      }
      clock = from + 9;
    } else {
      if (b[from + 7] != '-' || b[from + 10] != 'T' && b[from + 10] != ' ') {
        return UNDECIDED;
      }
      month = digits(b, from + 5, 2, to);
      day = digits(b, from + 8, 2, to);
      clock = from + 11;
    }
    if (year < 0 || month < 1 || month > 12 || day < 1
        || day > Month.of(month).length(Year.isLeap(year))) {
      return UNDECIDED;
    }
    // HH:MM
    if (clock + 5 > to || b[clock + 2] != ':') {
      return UNDECIDED;
    }
    int hour = digits(b, clock, 2, to);
    int minute = digits(b, clock + 3, 2, to);
    int second = 0;
    long nanos = 0;
    int at = clock + 5;
    if (at < to && b[at] == ':') {
      second = digits(b, at + 1, 2, to);
      at += 3;
      if (at > to) {
        return UNDECIDED;
      }
      if (at < to && b[at] == '.') {
        int places = 0;
        at++;
        while (at < to && isDigit(b[at]) && places < 10) {
          nanos = nanos * 10 + (b[at] - '0');
          at++;
          places++;
        }
        if (places < 1 || places > (legacy ? 6 : 9)) {
          return UNDECIDED;
        }
        for (int i = places; i < 9; i++) {
          nanos *= 10;
        }
      } else if (legacy) {
        return UNDECIDED; // legacy values always carry a fraction
      }
    } else if (legacy) {
      return UNDECIDED;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return UNDECIDED;
    }
    int offset;
    if (at == to) {
      offset = naiveOffsetSeconds;
    } else if (legacy) {
      return UNDECIDED;
    } else if (b[at] == 'Z' && at + 1 == to) {
      offset = 0;
    } else if ((b[at] == '+' || b[at] == '-') && at + 6 == to && b[at + 3] == ':') {
      int hours = digits(b, at + 1, 2, to);
      int minutes = digits(b, at + 4, 2, to);
      if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
        return UNDECIDED;
      }
      offset = (b[at] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
      return UNDECIDED;
    }
    if (offset == NOT_FIXED) {
      return UNDECIDED;
    }
    long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second
        - offset;
    return seconds * 1000L + nanos / 1_000_000L; // as Instant.toEpochMilli: nanos are positive
  }

  /** {@code count} ASCII digits from {@code at}, before {@code to}, as a number; else -1. */
  private static int digits(byte[] b, int at, int count, int to) {
    if (at + count > to) {
      return -1;
    }
    int v = 0;
    for (int i = at; i < at + count; i++) {
      if (!isDigit(b[i])) {
        return -1;
      }
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
