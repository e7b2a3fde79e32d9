package app.kinora.hostile;

import app.kinora.generation.ReferenceRole;
import app.kinora.hostile.Route.Field;
import app.kinora.hostile.Route.Where;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the application maps, read from Spring MVC's handler mappings (the controllers' and
 * the actuator's), so that a new route is covered without naming it. The inputs of each route
 * come from its handler's parameters: path variables, request parameters, the fields of a form
 * object or JSON body, headers. Files are read by some handlers from the request itself, so every
 * route that takes multipart gets the API's file fields too.
 */
final class Routes {

  /** Routes served by Spring Security's filters rather than a handler. */
  private static final List<Route> FILTER_ROUTES = List.of(new Route(
      "POST",
      "/login",
      List.of(
          new Field("username", Where.PARAM, String.class),
          new Field("password", Where.PARAM, String.class)),
      false,
      false));

  private Routes() {}

  static List<Route> of(ApplicationContext context) {
    var routes = new ArrayList<Route>(FILTER_ROUTES);
    for (var mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
          mapping.getHandlerMethods().entrySet()) {
        var info = entry.getKey();
        var methods =
            info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        for (var pattern : info.getPatternValues()) {
          if (pattern.equals("/error")) {
            continue; // reached by the error dispatch of every other route
          }
          for (var method : methods.isEmpty() ? List.of("GET", "POST") : methods) {
            routes.add(route(
                method,
                pattern,
                info.getConsumesCondition().getConsumableMediaTypes(),
                entry.getValue()));
          }
        }
      }
    }
    routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
    return List.copyOf(routes);
  }

  private static Route route(
      String method, String pattern, Set<MediaType> consumes, HandlerMethod handler) {
    var post = !method.equals("GET") && !method.equals("HEAD");
    var fields = new ArrayList<Field>();
    boolean json = false;
    for (var parameter : handler.getMethodParameters()) {
      parameter.initParameterNameDiscovery(
          new org.springframework.core.DefaultParameterNameDiscoverer());
      json |= parameter.hasParameterAnnotation(RequestBody.class);
      fields.addAll(fieldsOf(parameter));
    }
    boolean multipart = post
        && !json
        && (consumes.isEmpty()
            || consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes));
    if (multipart) {
      Arrays.stream(ReferenceRole.values())
          .forEach(role -> fields.add(new Field(role.param(), Where.FILE, MultipartFile.class)));
    }
    return new Route(method, pattern, fields.stream().distinct().toList(), json, multipart);
  }

  private static List<Field> fieldsOf(MethodParameter parameter) {
    var type = parameter.getParameterType();
    var name = parameter.getParameterName();
    if (parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
      return List.of();
    }
    var path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null) {
      return List.of(new Field(named(path.name(), path.value(), name), Where.PATH, type));
    }
    var header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null) {
      return List.of(new Field(named(header.name(), header.value(), name), Where.HEADER, type));
    }
    if (parameter.hasParameterAnnotation(RequestBody.class)) {
      return componentsOf(type, Where.JSON);
    }
    var param = parameter.getParameterAnnotation(RequestParam.class);
    if (MultipartFile.class.isAssignableFrom(type)) {
      return List.of(new Field(
          param == null ? name : named(param.name(), param.value(), name), Where.FILE, type));
    }
    if (param != null) {
      return List.of(new Field(named(param.name(), param.value(), name), Where.PARAM, type));
    }
    if (BeanUtils.isSimpleProperty(type)) {
      return List.of(
          new Field(name, Where.PARAM, type)); // Spring binds it as an optional request parameter
    }
    return type.isRecord()
        ? componentsOf(type, Where.PARAM)
        : List.of(); // a form object; else request, model, …
  }

  /** A record's fields by the names they are bound from (JSON names where they differ). */
  private static List<Field> componentsOf(Class<?> type, Where where) {
    if (!type.isRecord()) {
      return List.of();
    }
    return Arrays.stream(type.getRecordComponents())
        .map(component -> {
          var property = component.getAnnotation(JsonProperty.class);
          var name =
              where == Where.JSON && property != null ? property.value() : component.getName();
          return new Field(name, where, component.getType());
        })
        .toList();
  }

  private static String named(String name, String value, String fallback) {
    return !name.isEmpty() ? name : !value.isEmpty() ? value : fallback;
  }
}
