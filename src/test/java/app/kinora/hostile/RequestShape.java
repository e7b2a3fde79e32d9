package app.kinora.hostile;

import static app.kinora.hostile.HostileValues.pick;

import app.kinora.hostile.Route.Field;
import app.kinora.hostile.Route.Where;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * How a route's request is written: its path with its variables filled, its query, and a form,
 * JSON or multipart body of its fields, each plausible but for the one field a probe makes hostile.
 */
final class RequestShape {

  static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final List<String> ACCEPTS = List.of("", HTML, "application/json", "*/*");

  private final Route route;
  private final Random random;
  private final Map<String, List<String>> ownPathValues;

  RequestShape(Route route, Random random, Map<String, List<String>> ownPathValues) {
    this.route = route;
    this.random = random;
    this.ownPathValues = ownPathValues;
  }

  Probe raw(String label, String contentType, byte[] body) {
    return new Probe(
        label,
        route.method(),
        path(null, null),
        headers(pick(random, accepts()), contentType),
        body);
  }

  List<String> accepts() {
    return route.api() ? List.of("", "application/json", "*/*") : ACCEPTS;
  }

  /** The fields a post's body carries: its parameters, else its JSON fields, else a stand-in. */
  List<Field> bodyFields() {
    var fields = new ArrayList<>(route.fields(Where.PARAM));
    fields.addAll(route.fields(Where.JSON));
    return fields.isEmpty() ? List.of(new Field("name", Where.PARAM, String.class)) : fields;
  }

  /** Every body field with a plausible value, but {@code hostile} with {@code value}. */
  Map<String, String> textFields(Field hostile, String value) {
    var fields = new LinkedHashMap<String, String>();
    for (var field : bodyFields()) {
      fields.put(
          field.name(), field.equals(hostile) ? value : HostileValues.plausible(field, random));
    }
    return fields;
  }

  Multipart parts(Field hostile, String value) {
    var body = new Multipart();
    textFields(hostile, value).forEach((name, text) -> {
      if (!name.equals(hostile == null ? null : hostile.name()) || text != null) {
        body.text(name, text);
      }
    });
    return body;
  }

  byte[] jsonWith(Field hostile, String token) {
    var body = new LinkedHashMap<String, String>();
    bodyFields()
        .forEach(f -> body.put(f.name(), f.equals(hostile) ? token : Json.plausible(f, random)));
    return Json.object(body);
  }

  String query(Field hostile, String encodedValue) {
    return route.fields(Where.PARAM).stream()
        .map(f -> f.name() + "="
            + (f.equals(hostile) ? encodedValue : encode(HostileValues.plausible(f, random))))
        .collect(Collectors.joining("&"));
  }

  String path(Field hostile, String segment) {
    var path = route.pattern().replace("/**", "/x").replace("/*", "/x");
    for (var field : route.fields(Where.PATH)) {
      var value = field.equals(hostile) ? segment : pathValue(field);
      path = path.replaceAll(
          "\\{\\*?" + java.util.regex.Pattern.quote(field.name()) + "(:[^}]*)?}",
          java.util.regex.Matcher.quoteReplacement(value));
    }
    return path;
  }

  String pathValue(Field field) {
    var own = ownPathValues.getOrDefault(field.name(), List.of());
    if (!own.isEmpty() && random.nextBoolean()) {
      return pick(random, own);
    }
    return URLEncoder.encode(HostileValues.plausible(field, random), StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  Probe get(String label, String query, String accept) {
    var target = path(null, null) + (query.isEmpty() ? "" : "?" + query);
    return new Probe(label, route.method(), target, headers(accept, null), null);
  }

  Probe form(String label, Map<String, String> fields, String accept) {
    return new Probe(
        label,
        route.method(),
        path(null, null),
        headers(accept, "application/x-www-form-urlencoded"),
        formBody(fields));
  }

  Probe json(String label, byte[] body) {
    return new Probe(
        label,
        route.method(),
        path(null, null),
        headers(pick(random, accepts()), "application/json"),
        body);
  }

  Probe multipart(String label, Multipart body, boolean unclosed) {
    return new Probe(
        label,
        route.method(),
        path(null, null),
        headers(pick(random, accepts()), body.contentType()),
        unclosed ? body.withoutClosingBoundary() : body.bytes());
  }

  Map<String, String> headers(String accept, String contentType) {
    var headers = new LinkedHashMap<String, String>();
    if (!accept.isEmpty()) {
      headers.put("Accept", accept);
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    if (!route.api() && random.nextInt(4) == 0) {
      headers.put("HX-Request", "true");
    }
    for (var field : route.fields(Where.HEADER)) {
      if (!field.name().equalsIgnoreCase("HX-Request")) {
        headers.put(
            field.name(),
            random.nextBoolean()
                ? "t=1,v1=00"
                : pick(random, HostileValues.UNKNOWN).replaceAll("[^ -~]", "?"));
      }
    }
    return headers;
  }

  static byte[] formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"))
        .getBytes(StandardCharsets.UTF_8);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String abbreviate(String value) {
    var escaped = value
        .chars()
        .mapToObj(c ->
            c < 0x20 || (c >= 0x7f && c < 0xa0) ? "\\u%04x".formatted(c) : String.valueOf((char) c))
        .collect(Collectors.joining());
    return escaped.length() > 40 ? escaped.substring(0, 40) + "…(" + value.length() + ")" : escaped;
  }
}
