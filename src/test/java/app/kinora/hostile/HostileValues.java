package app.kinora.hostile;

import app.kinora.hostile.Route.Field;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Values for a route's inputs: a plausible one per field (by its name, else its type), so that a
 * request gets as far as its handler, and hostile ones of every kind an attacker or a broken
 * client sends.
 */
final class HostileValues {

  /** Control characters, which PostgreSQL text refuses (NUL) or which break what shows them. */
  static final List<String> CONTROL = List.of(
      "\u0000",
      "a\u0000b",
      "lake\u0000",
      "\u0001\u0002",
      "x\u001b[2J",
      "\u007f",
      "\u0085",
      "\u009b",
      "\b\u000b\f");

  static final List<String> NUMBERS = List.of(
      "-1",
      "0",
      "-0",
      "99999999999999999999999999",
      "1e400",
      "NaN",
      "Infinity",
      "-9223372036854775809",
      "2147483648",
      "0x1F",
      "1.5",
      "1_000",
      "+7");

  static final List<String> UNKNOWN = List.of(
      "BOGUS",
      "__proto__",
      "ALL",
      "*",
      "%",
      "'; drop table users; --",
      "video\u0000",
      "..",
      "undefined");

  static final List<String> WRONG_TYPE =
      List.of("", " ", "[]", "{}", "true", "null", "abc", "1,2", "2x", "480x");

  static final List<String> UNICODE = List.of(
      "\uD83C\uDFAC",
      "\u202Eevil",
      "\uFEFFbom",
      "e\u0301\u0301\u0301\u0301",
      "\uFFFF",
      "\uD835\uDD4F",
      "\u00DF\u0130",
      "\u200B\u200D");

  static final List<String> PATHS = List.of(
      "../../etc/passwd",
      "..\\..\\windows\\win.ini",
      "/etc/passwd",
      "file:///etc/passwd",
      "http://169.254.169.254/latest/meta-data/",
      "\\\\server\\share",
      "C:\\x");

  static final List<String> MARKUP = List.of(
      "<script>alert(1)</script>",
      "\"'><img src=x onerror=alert(1)>",
      "${7*7}",
      "__${T(java.lang.Runtime)}__::x",
      "[[${7*7}]]",
      "{{7*7}}",
      "%s%n%x");

  /** Already percent-encoded, for query strings: invalid UTF-8 (a URI cannot carry broken escapes). */
  static final List<String> ENCODED =
      List.of("%C3%28", "%FF%FE", "%E2%82", "%ED%A0%80", "%C0%AE", "%F4%90%80%80");

  /** Already percent-encoded, for form bodies: invalid UTF-8 and broken escapes. */
  static final List<String> ENCODED_FORM =
      List.of("%C3%28", "%FF%FE", "%", "%%", "%0", "%E2%82", "%ED%A0%80", "%zz");

  /** Path segments, already encoded. */
  static final List<String> PATH_SEGMENTS = List.of(
      "%00",
      "a%00b",
      "%01%1B",
      "..%2F..%2Fetc%2Fpasswd",
      "%2e%2e",
      "%C3%28",
      "%FF%FE",
      "x".repeat(3000),
      "-1",
      "99999999999999999999999999",
      "0",
      "%20",
      "null",
      "%E2%80%AE",
      "%F0%9F%8E%AC",
      "video_" + "0".repeat(31) + "g",
      "video_",
      "%0D%0ASet-Cookie:%20a=b",
      "%3Cscript%3E",
      "a;jsessionid=1",
      "%25",
      "~",
      "%5C..%5C");

  private static final Map<String, String> PLAUSIBLE = Map.ofEntries(
      Map.entry("model", "kinora-local"),
      Map.entry("prompt", "A calm lake at dawn"),
      // blank: the default model takes no negative prompt, and a plausible request should be
      // accepted
      Map.entry("negative_prompt", ""),
      Map.entry("negativePrompt", ""),
      Map.entry("seconds", "2"),
      Map.entry("size", "480x480"),
      Map.entry("seed", "7"),
      Map.entry("fps", "24"),
      Map.entry("sound", "off"),
      Map.entry("caption", "off"),
      Map.entry("generate_audio", "false"),
      Map.entry("keep_original", "false"),
      Map.entry("email", "nobody@kinora.test"),
      Map.entry("username", "nobody@kinora.test"),
      Map.entry("password", "not the password 42"),
      Map.entry("currentPassword", "not the password 42"),
      Map.entry("newPassword", "another passphrase 42"),
      Map.entry("confirmation", "not the password 42"),
      Map.entry("displayName", "Harness"),
      Map.entry("name", "harness"),
      Map.entry("language", "en"),
      Map.entry("tab", "videos"),
      Map.entry("status", "completed"),
      Map.entry("sort", "newest"),
      Map.entry("q", "lake"),
      Map.entry("from", "2026-01-01"),
      Map.entry("to", "2026-12-31"),
      Map.entry("kind", "grant"),
      Map.entry("reference", "ref-1"),
      Map.entry("variant", "video"),
      Map.entry("pack", "starter"),
      Map.entry("credits", "5"),
      Map.entry("reason", "harness"),
      Map.entry("code", "123456"),
      Map.entry("token", "abc"),
      Map.entry("expires", "1700000000"),
      Map.entry("signature", "abc"),
      Map.entry("provider", "mockidp"),
      Map.entry("document", "privacy"),
      Map.entry("version", "1"),
      Map.entry("scope", "read"),
      Map.entry("birthDate", "1990-01-01"),
      Map.entry("country", "BE"));

  private HostileValues() {}

  /** A value the handler would take, by the field's name or else its type. */
  static String plausible(Field field, Random random) {
    var known = PLAUSIBLE.get(field.name());
    if (known != null) {
      return known;
    }
    var type = field.type();
    if (field.numeric()) {
      return "3";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true";
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0].toString();
    }
    if (type == UUID.class || field.name().toLowerCase().endsWith("id")) {
      return UUID.randomUUID().toString();
    }
    return "x" + random.nextInt(100);
  }

  /** A hostile text value, of a kind that fits the field (numbers more often for numeric ones). */
  static String hostile(Field field, Random random, int longLength) {
    var pools = field.numeric()
        ? List.of(NUMBERS, NUMBERS, WRONG_TYPE, CONTROL)
        : List.of(
            CONTROL,
            CONTROL,
            NUMBERS,
            UNKNOWN,
            WRONG_TYPE,
            UNICODE,
            PATHS,
            MARKUP,
            List.of("LONG"));
    var value = pick(random, pick(random, pools));
    return value.equals("LONG") ? "x".repeat(longLength) : value;
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
