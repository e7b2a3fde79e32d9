package app.kinora.hostile;

import static app.kinora.hostile.HostileValues.pick;

import app.kinora.hostile.Route.Where;
import app.kinora.media.TestMedia;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The malformed variants of one route's request: one of each kind that applies to it, the field,
 * value and shape of each drawn from a seeded {@link Random}, so a run is repeatable.
 */
final class Probes {

  private static final List<String> BAD_ACCEPTS = List.of(
      "application/binary",
      "video/mp4",
      "image/png",
      "text/event-stream",
      "application/json;q=abc",
      "*/*;q=0",
      "x/y/z",
      "text/html;q=0, application/octet-stream");
  private static final byte[] PNG = TestMedia.png(24, 16);

  private final Route route;
  private final Random random;
  private final RequestShape shape;

  /** @param ownPathValues plausible values of path variables by name, such as ids the caller owns */
  Probes(Route route, Random random, Map<String, List<String>> ownPathValues) {
    this.route = route;
    this.random = random;
    this.shape = new RequestShape(route, random, ownPathValues);
  }

  List<Probe> all() {
    var kinds = new ArrayList<Supplier<List<Probe>>>(List.of(
        one(this::plausible), this::badAccepts, one(this::junkQuery), one(this::wrongMethod)));
    if (!route.fields(Where.PATH).isEmpty()) {
      kinds.add(one(this::hostilePathVariable));
    }
    if (!route.fields(Where.PARAM).isEmpty()) {
      kinds.addAll(List.of(one(this::hostileQueryParameter), one(this::repeatedParameters)));
    }
    if (route.post()) {
      kinds.addAll(List.of(
          one(this::hostileFormField),
          one(this::hostileJsonField),
          one(this::brokenJson),
          one(this::wrongContentType),
          one(this::overlongField)));
    }
    if (route.multipart()) {
      kinds.addAll(List.of(
          one(this::hostileMultipartField), this::fileWhereTextIsExpected, this::brokenMultiparts));
    }
    if (!route.fields(Where.FILE).isEmpty()) {
      kinds.addAll(List.of(
          one(this::textWhereFileIsExpected),
          this::hostileFilenames,
          one(this::emptyOrTruncatedFile)));
    }
    kinds.add(this::controlCharacterInEachField);
    return kinds.stream().flatMap(kind -> kind.get().stream()).toList();
  }

  private static Supplier<List<Probe>> one(Supplier<Probe> probe) {
    return () -> List.of(probe.get());
  }

  /** Every parameter and field once with a control character, in a query, form, multipart or JSON body as the route takes. */
  private List<Probe> controlCharacterInEachField() {
    var probes = new ArrayList<Probe>();
    var fields = route.post() ? shape.bodyFields() : route.fields(Where.PARAM);
    for (var field : fields) {
      var value = "x" + pick(random, HostileValues.CONTROL)
          + "\u0000"; // NUL, which PostgreSQL refuses, and another
      var label = "control character in " + field.name() + "=" + shape.abbreviate(value);
      if (!route.post()) {
        probes.add(shape.get(
            label, shape.query(field, shape.encode(value)), pick(random, shape.accepts())));
      } else if (field.where() == Where.JSON || (route.json() && random.nextBoolean())) {
        probes.add(shape.json(label + " (json)", shape.jsonWith(field, Json.string(value))));
      } else if (route.multipart() && random.nextBoolean()) {
        probes.add(shape.multipart(label + " (multipart)", shape.parts(field, value), false));
      } else {
        probes.add(shape.form(
            label + " (form)", shape.textFields(field, value), pick(random, shape.accepts())));
      }
    }
    return probes;
  }

  private Probe plausible() {
    return route.post()
        ? shape.form("plausible form", shape.textFields(null, null), pick(random, shape.accepts()))
        : shape.get("plausible", shape.query(null, null), pick(random, shape.accepts()));
  }

  /** The two a client of the API most likely sends by mistake, and another. */
  private List<Probe> badAccepts() {
    return List.of("application/binary", "video/mp4", pick(random, BAD_ACCEPTS)).stream()
        .map(accept -> route.post()
            ? shape.form("Accept " + accept, shape.textFields(null, null), accept)
            : shape.get("Accept " + accept, shape.query(null, null), accept))
        .toList();
  }

  private Probe junkQuery() {
    var junk = pick(
        random,
        List.of(
            "%00=1",
            "a%01b=%00",
            "%C3%28=%FF",
            "=&&",
            "x=%25",
            "%0D%0A=1",
            "a%5Bb%5D=c",
            "a[b]=c",
            "a=%00&a=1"));
    var query = shape.query(null, null);
    return shape.get(
        "junk query " + junk,
        (query.isEmpty() ? "" : query + "&") + junk,
        pick(random, shape.accepts()));
  }

  private Probe wrongMethod() {
    var method = pick(random, List.of("PUT", "DELETE", "PATCH", route.post() ? "GET" : "POST"));
    return new Probe(
        "method " + method,
        method,
        shape.path(null, null),
        shape.headers(pick(random, shape.accepts()), null),
        new byte[0]);
  }

  private Probe hostilePathVariable() {
    var field = pick(random, route.fields(Where.PATH));
    var segment = pick(random, HostileValues.PATH_SEGMENTS);
    var plain = route.post()
        ? shape.form("", shape.textFields(null, null), pick(random, shape.accepts()))
        : shape.get("", shape.query(null, null), pick(random, shape.accepts()));
    var query = plain.target().indexOf('?') < 0
        ? ""
        : plain.target().substring(plain.target().indexOf('?'));
    return new Probe(
        "path " + field.name() + "=" + shape.abbreviate(segment),
        plain.method(),
        shape.path(field, segment) + query,
        plain.headers(),
        plain.body());
  }

  private Probe hostileQueryParameter() {
    var field = pick(random, route.fields(Where.PARAM));
    boolean encoded = random.nextInt(4) == 0;
    var value =
        encoded ? pick(random, HostileValues.ENCODED) : HostileValues.hostile(field, random, 4000);
    var query = shape.query(field, encoded ? value : shape.encode(value));
    if (route.post()) {
      var form = shape.form("", shape.textFields(null, null), pick(random, shape.accepts()));
      return new Probe(
          "query " + field.name() + "=" + shape.abbreviate(value),
          form.method(),
          shape.path(null, null) + "?" + query,
          form.headers(),
          form.body());
    }
    return shape.get(
        "query " + field.name() + "=" + shape.abbreviate(value),
        query,
        pick(random, shape.accepts()));
  }

  private Probe repeatedParameters() {
    var query = route.fields(Where.PARAM).stream()
        .map(field -> field.name() + "=" + shape.encode(HostileValues.plausible(field, random))
            + "&" + field.name() + "=" + shape.encode(HostileValues.hostile(field, random, 100)))
        .collect(Collectors.joining("&"));
    return route.post()
        ? new Probe(
            "repeated parameters",
            route.method(),
            shape.path(null, null),
            shape.headers(pick(random, shape.accepts()), "application/x-www-form-urlencoded"),
            query.getBytes(StandardCharsets.UTF_8))
        : shape.get("repeated parameters", query, pick(random, shape.accepts()));
  }

  private Probe hostileFormField() {
    var field = pick(random, shape.bodyFields());
    if (random.nextInt(4) == 0) {
      var encoded = pick(random, HostileValues.ENCODED_FORM);
      var body = new String(shape.formBody(shape.textFields(field, "")), StandardCharsets.UTF_8)
          .replace(shape.encode(field.name()) + "=", shape.encode(field.name()) + "=" + encoded);
      return new Probe(
          "form " + field.name() + "=" + encoded,
          route.method(),
          shape.path(null, null),
          shape.headers(pick(random, shape.accepts()), "application/x-www-form-urlencoded"),
          body.getBytes(StandardCharsets.UTF_8));
    }
    var value = HostileValues.hostile(field, random, 100_000);
    return shape.form(
        "form " + field.name() + "=" + shape.abbreviate(value),
        shape.textFields(field, value),
        pick(random, shape.accepts()));
  }

  private Probe hostileJsonField() {
    var fields = route.fields(Where.JSON).isEmpty() ? shape.bodyFields() : route.fields(Where.JSON);
    var field = pick(random, fields);
    var token = random.nextBoolean()
        ? Json.string(HostileValues.hostile(field, random, 100_000))
        : pick(random, Json.ODD_TOKENS);
    var body = new LinkedHashMap<String, String>();
    fields.forEach(f -> body.put(f.name(), f == field ? token : Json.plausible(f, random)));
    return shape.json("json " + field.name() + "=" + shape.abbreviate(token), Json.object(body));
  }

  private Probe brokenJson() {
    var body = pick(random, Json.BROKEN);
    return shape.json(
        "broken json " + shape.abbreviate(new String(body, StandardCharsets.UTF_8)), body);
  }

  private Probe wrongContentType() {
    var type = pick(
        random,
        List.of(
            "text/plain",
            "application/xml",
            "application/octet-stream",
            "image/png",
            "multipart/mixed; boundary=x",
            "application/x-www-form-urlencoded; charset=bogus",
            "application/json; charset=x-bogus",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "application/x-www-form-urlencoded; charset=UTF-16"));
    var body = shape.formBody(shape.textFields(null, null));
    return new Probe(
        "content type " + type,
        route.method(),
        shape.path(null, null),
        shape.headers(pick(random, shape.accepts()), type),
        body);
  }

  private Probe overlongField() {
    var field = pick(random, shape.bodyFields());
    var value = "A lake. ".repeat(125_000);
    return switch (random.nextInt(route.multipart() ? 3 : 2)) {
      case 0 ->
        shape.form(
            "1 MB form field " + field.name(),
            shape.textFields(field, value),
            pick(random, shape.accepts()));
      case 1 ->
        shape.json("1 MB json field " + field.name(), shape.jsonWith(field, Json.string(value)));
      default ->
        shape.multipart("1 MB multipart field " + field.name(), shape.parts(field, value), false);
    };
  }

  private Probe hostileMultipartField() {
    var field = pick(random, shape.bodyFields());
    if (random.nextInt(4) == 0) {
      var bytes = new byte[] {'a', (byte) 0xC3, 0x28, (byte) 0xFF, 0};
      var body = shape.parts(field, null).text(field.name(), bytes);
      return shape.multipart("multipart " + field.name() + " = invalid UTF-8", body, false);
    }
    var value = HostileValues.hostile(field, random, 100_000);
    return shape.multipart(
        "multipart " + field.name() + "=" + shape.abbreviate(value),
        shape.parts(field, value),
        false);
  }

  private List<Probe> fileWhereTextIsExpected() {
    return shape.bodyFields().stream()
        .map(field -> shape.multipart(
            "file part as " + field.name(),
            shape
                .parts(field, null)
                .file(
                    field.name(),
                    "field.txt",
                    "text/plain",
                    "A calm lake".getBytes(StandardCharsets.UTF_8)),
            false))
        .toList();
  }

  private Probe textWhereFileIsExpected() {
    var field = pick(random, route.fields(Where.FILE));
    var value = random.nextBoolean()
        ? java.util.UUID.randomUUID().toString()
        : HostileValues.hostile(field, random, 1000);
    return shape.multipart(
        "text part as " + field.name() + "=" + shape.abbreviate(value),
        shape.parts(null, null).text(field.name(), value),
        false);
  }

  /** A path with a NUL, and another odd name. */
  private List<Probe> hostileFilenames() {
    var other = pick(
        random,
        List.of(
            "..\\..\\x.png",
            "a\u0000.png",
            "\u202Egnp.exe",
            "x".repeat(5000) + ".png",
            "CON",
            "",
            "../",
            "a\"b.png",
            "a\u0001.png",
            "\u00e9t\u00e9.png"));
    return List.of("../../etc/passwd\u0000.png", other).stream()
        .map(filename -> {
          var field = pick(random, route.fields(Where.FILE));
          var content = random.nextBoolean() ? PNG : Arrays.copyOf(PNG, 8);
          return shape.multipart(
              "filename " + shape.abbreviate(filename),
              shape.parts(null, null).file(field.name(), filename, "image/png", content),
              false);
        })
        .toList();
  }

  private Probe emptyOrTruncatedFile() {
    var field = pick(random, route.fields(Where.FILE));
    var length = pick(random, List.of(0, 1, 8, 33, 60));
    var content = Arrays.copyOf(PNG, Math.min(length, PNG.length));
    return shape.multipart(
        length + "-byte file as " + field.name(),
        shape.parts(null, null).file(field.name(), "a.png", "image/png", content),
        false);
  }

  /** Every way of breaking one: cut short, no closing boundary, no or another boundary, garbage, nothing. */
  private List<Probe> brokenMultiparts() {
    var body = shape.parts(null, null);
    if (!route.fields(Where.FILE).isEmpty()) {
      body.file(pick(random, route.fields(Where.FILE)).name(), "a.png", "image/png", PNG);
    }
    var whole = body.bytes();
    return List.of(
        shape.multipart("multipart without its closing boundary", body, true),
        shape.raw(
            "multipart cut short",
            body.contentType(),
            Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1))),
        shape.raw("multipart without boundary", "multipart/form-data", whole),
        shape.raw(
            "multipart with another boundary",
            "multipart/form-data; boundary=somethingElse",
            whole),
        shape.raw(
            "multipart garbage",
            body.contentType(),
            "hello\r\n--\r\n\u0000".getBytes(StandardCharsets.UTF_8)),
        shape.raw("multipart empty", body.contentType(), new byte[0]));
  }
}
