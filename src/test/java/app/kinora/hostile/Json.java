package app.kinora.hostile;

import app.kinora.hostile.Route.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** JSON bodies written as text, so that a field can hold any token, and broken ones. */
final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Tokens of the wrong type or of absurd size, in place of a field's value. */
  static final List<String> ODD_TOKENS = List.of(
      "1e400",
      "-1e400",
      "123456789012345678901234567890",
      "-1",
      "0.5",
      "true",
      "false",
      "null",
      "[]",
      "{}",
      "[\"a\",\"b\"]",
      "{\"a\":{\"b\":1}}",
      "\"\\u0000\"",
      "\"\\ud800\"",
      "\"" + "\\u0000".repeat(100) + "\"",
      "[".repeat(2000) + "]".repeat(2000),
      "9".repeat(5000));

  /** Bodies that are not JSON, or not the JSON the endpoint takes. */
  static final List<byte[]> BROKEN = List.of(
      bytes("{"),
      bytes("{\"prompt\":"),
      bytes("[]"),
      bytes("null"),
      bytes("\"x\""),
      bytes("{\"prompt\":\"a\\u0000b\"}"),
      bytes("[".repeat(5000)),
      new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'},
      bytes(""),
      bytes("{\"seconds\":1e999999}"),
      bytes("{\"prompt\":\"\\ud800\"}"),
      bytes("{\"a\":1,}"),
      bytes("\u0000"),
      bytes("{\"prompt\":\"lake\"}garbage"),
      bytes("{\"__proto__\":{\"admin\":true}}"));

  private Json() {}

  static String string(String value) {
    return MAPPER.writeValueAsString(value);
  }

  static String plausible(Field field, Random random) {
    var value = HostileValues.plausible(field, random);
    if (field.type() == Boolean.class || field.type() == boolean.class) {
      return String.valueOf(value.equals("true") || value.equals("on"));
    }
    return field.numeric() ? value : string(value);
  }

  /** An object of the given fields, each value a JSON token. */
  static byte[] object(Map<String, String> tokens) {
    return tokens.entrySet().stream()
        .map(e -> string(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
