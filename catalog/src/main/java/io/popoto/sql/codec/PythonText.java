package io.popoto.sql.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Python's text forms of scalar values (str()/repr()/isoformat()/strftime), which Popoto writes
 * into keys and envelopes; Java's own toString() differs for floats and datetimes.
 */
final class PythonText {
  private PythonText() {}

  /** Python repr(float): shortest round-tripping digits, exponent form outside 1e-4..1e16. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // Java 17's Double.toString is not always the shortest round trip, so search for it.
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        shortest = r;
        break;
      }
    }
    String sign = shortest.signum() < 0 ? "-" : "";
    BigDecimal abs = shortest.abs().stripTrailingZeros();
    String digits = abs.unscaledValue().toString();
    // decpt: where the decimal point goes relative to the digit string, as in CPython.
    int decpt = digits.length() - abs.scale();
    if (decpt > 16 || decpt < -3) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int exp = decpt - 1;
      String e = String.format("%02d", Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
    }
    String plain;
    if (decpt <= 0) {
      plain = "0." + "0".repeat(-decpt) + digits;
    } else if (decpt >= digits.length()) {
      plain = digits + "0".repeat(decpt - digits.length()) + ".0";
    } else {
      plain = digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
    return sign + plain;
  }

  /** Python str(Decimal): BigDecimal.toString implements the same to-scientific-string rule. */
  static String decimalStr(BigDecimal d) {
    return d.toString();
  }

  /** str(date) and date.isoformat(). */
  static String date(LocalDate d) {
    return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  /** str(time)/isoformat(): the fraction only when microsecond != 0. */
  static String time(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int micros = t.getNano() / 1000;
    return micros == 0 ? s : s + String.format(".%06d", micros);
  }

  /** strftime("%H:%M:%S.%f"): always six fraction digits. */
  static String timeFixedFraction(LocalTime t) {
    return String.format("%02d:%02d:%02d.%06d", t.getHour(), t.getMinute(), t.getSecond(),
        t.getNano() / 1000);
  }

  /** Python's utcoffset text: +HH:MM, plus :SS when the offset has seconds. */
  static String offset(ZoneOffset o) {
    int total = o.getTotalSeconds();
    String sign = total < 0 ? "-" : "+";
    total = Math.abs(total);
    String s = String.format("%s%02d:%02d", sign, total / 3600, (total / 60) % 60);
    return total % 60 == 0 ? s : s + String.format(":%02d", total % 60);
  }

  /** str(datetime) (separator ' ') or isoformat() (separator 'T'), without offset. */
  static String dateTime(LocalDateTime dt, char separator) {
    return date(dt.toLocalDate()) + separator + time(dt.toLocalTime());
  }

  /** strftime("%Y%m%dT%H:%M:%S.%f"): 0.8.3's datetime envelope payload. */
  static String legacyDateTime(LocalDateTime dt) {
    return compactDate(dt.toLocalDate()) + "T" + timeFixedFraction(dt.toLocalTime());
  }

  /** strftime("%Y%m%d"): the date envelope payload. */
  static String compactDate(LocalDate d) {
    return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }
}
