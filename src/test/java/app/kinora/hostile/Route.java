package app.kinora.hostile;

import java.util.List;

/**
 * One method on one path pattern, as Spring MVC maps it, with the inputs its handler reads.
 *
 * @param method GET, POST, …
 * @param pattern the mapping's path pattern, e.g. {@code /library/{id}}
 * @param fields the path variables, parameters, body fields and files the handler takes
 * @param json whether the handler reads a JSON body
 * @param multipart whether the route may be sent files
 */
record Route(String method, String pattern, List<Field> fields, boolean json, boolean multipart) {

  /** One input of a handler. */
  record Field(String name, Where where, Class<?> type) {

    boolean numeric() {
      return Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class);
    }
  }

  /** Where an input is read from. */
  enum Where {
    PATH,
    /** A request parameter: the query string, or the form body of a post. */
    PARAM,
    /** A field of a JSON body. */
    JSON,
    FILE,
    HEADER
  }

  Route {
    fields = List.copyOf(fields);
  }

  List<Field> fields(Where where) {
    return fields.stream().filter(field -> field.where() == where).toList();
  }

  boolean api() {
    return pattern.startsWith("/v1/") || pattern.equals("/v1");
  }

  boolean post() {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  /** Endpoints for machines (webhooks, metrics): answers of their own kind, never pages. */
  boolean machine() {
    return pattern.contains("webhook") || pattern.startsWith("/actuator");
  }

  @Override
  public String toString() {
    return method + " " + pattern;
  }
}
