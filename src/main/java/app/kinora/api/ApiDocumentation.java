package app.kinora.api;

import app.kinora.generation.ReferenceRole;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of {@code /v1}, made by springdoc from the controllers: served at {@link
 * #DOCUMENT} without an API key, with Swagger UI at {@link #PAGE}. Every operation takes a bearer
 * key and may answer OpenAI's error shape; what Kinora adds to OpenAI's API ({@link
 * KinoraExtension}) carries {@code x-kinora-extension: true}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String DOCUMENT = "/v1/openapi.json";
  static final String PAGE = "/api-docs";

  static final String EXTENSION = "x-kinora-extension";
  private static final String KEY = "apiKey";

  @Bean
  OpenAPI kinoraOpenApi() {
    var errors = ModelConverters.getInstance().readAll(new AnnotatedType(ApiError.class));
    var components = new Components()
        .addSecuritySchemes(
            KEY,
            new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("An API key from Kinora's API keys page."));
    errors.forEach(components::addSchemas);
    return new OpenAPI()
        .info(new Info().title("Kinora API").version("1").description("""
                OpenAI's Videos API, as Kinora answers it: the official OpenAI SDKs work with \
                Kinora's address as their base URL. What Kinora adds is marked \
                `x-kinora-extension: true`. Guide with examples: docs/api.md."""))
        .addTagsItem(new Tag().name("Videos").description("OpenAI's Videos API."))
        .addTagsItem(new Tag()
            .name("Webhooks")
            .description("Kinora's extension: signed webhooks (Standard Webhooks)."))
        .components(components)
        .addSecurityItem(new SecurityRequirement().addList(KEY));
  }

  /**
   * Every operation may answer an error in OpenAI's shape; Kinora's own operations, form fields and
   * the reference files of multipart bodies are marked.
   */
  @Bean
  OperationCustomizer kinoraOperations() {
    return (operation, handler) -> {
      var error = new ApiResponse()
          .description("An error in OpenAI's shape: {\"error\": {message, type, code, param}}.")
          .content(new Content()
              .addMediaType(
                  org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))));
      operation.getResponses().addApiResponse("4XX", error);
      if (handler.hasMethodAnnotation(KinoraExtension.class)
          || handler.getBeanType().isAnnotationPresent(KinoraExtension.class)) {
        operation.addExtension(EXTENSION, true);
      }
      for (var form : forms(operation)) {
        markFormFields(form, handler);
        var files = handler.getMethodAnnotation(ReferenceFiles.class);
        if (files != null && form == multipart(operation)) {
          addReferenceFiles(form, Set.of(files.openAi()));
        }
      }
      return operation;
    };
  }

  /** Fields of OpenAI's objects that Kinora adds. */
  @Bean
  PropertyCustomizer kinoraFields() {
    return (property, type) -> {
      if (type.getCtxAnnotations() != null) {
        for (Annotation annotation : type.getCtxAnnotations()) {
          if (annotation instanceof KinoraExtension) {
            property.addExtension(EXTENSION, true);
          }
        }
      }
      return property;
    };
  }

  /** Last, once every description is in place: each marked item's begins "Kinora's extension". */
  @Bean
  OpenApiCustomizer kinoraDescriptions() {
    return openApi -> {
      if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
        openApi.getComponents().getSchemas().values().forEach(ApiDocumentation::describe);
      }
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .values()
          .forEach(path -> path.readOperations().forEach(operation -> {
            if (marked(operation.getExtensions())) {
              operation.setDescription(described(operation.getDescription()));
            }
            forms(operation).forEach(ApiDocumentation::describe);
          }));
    };
  }

  private static void markFormFields(Schema<?> form, HandlerMethod handler) {
    for (var parameter : handler.getMethodParameters()) {
      var param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null
          && parameter.hasParameterAnnotation(KinoraExtension.class)
          && form.getProperties() != null) {
        var name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
        var property = form.getProperties().get(name);
        if (property != null) {
          property.addExtension(EXTENSION, true);
        }
      }
    }
  }

  private static void addReferenceFiles(Schema<?> form, Set<String> openAi) {
    for (var role : ReferenceRole.values()) {
      var file = typed("string").format("binary");
      Schema<?> field = role == ReferenceRole.REFERENCE_IMAGE ? typed("array").items(file) : file;
      var name = role == ReferenceRole.REFERENCE_IMAGE ? role.param() + "[]" : role.param();
      if (!openAi.contains(role.param())) {
        field.addExtension(EXTENSION, true);
      }
      form.addProperty(name, field);
    }
  }

  /** A schema of one type, for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike. */
  private static Schema<Object> typed(String type) {
    var schema = new Schema<>().type(type);
    schema.addType(type);
    return schema;
  }

  /** The schemas of the operation's form bodies (multipart and URL-encoded). */
  private static List<Schema<?>> forms(Operation operation) {
    var forms = new ArrayList<Schema<?>>();
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      operation.getRequestBody().getContent().forEach((type, media) -> {
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
          if (media.getSchema() != null) {
            forms.add(media.getSchema());
          }
        }
      });
    }
    return forms;
  }

  private static Schema<?> multipart(Operation operation) {
    var media = operation.getRequestBody().getContent().get("multipart/form-data");
    return media == null ? null : media.getSchema();
  }

  private static void describe(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    schema.getProperties().values().forEach(property -> {
      if (marked(property.getExtensions())) {
        property.setDescription(described(property.getDescription()));
      }
    });
  }

  /** Marked as Kinora's: true as a Boolean, or as a parsed JSON value (from {@code @Schema}). */
  private static boolean marked(Map<String, Object> extensions) {
    return extensions != null && "true".equals(String.valueOf(extensions.get(EXTENSION)));
  }

  private static String described(String description) {
    if (description != null && description.startsWith("Kinora's extension.")) {
      return description;
    }
    return description == null || description.isBlank()
        ? "Kinora's extension."
        : "Kinora's extension. " + description;
  }
}
