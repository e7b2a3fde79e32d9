package app.kinora.platform;

import jakarta.servlet.http.Part;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Input is normalised at the edge, once for every route: parameters, form and multipart fields by
 * {@link RequestInputFilter}, JSON bodies by their text deserializer, and a file sent where a
 * handler expects a value is a wrong value (400), not a missing converter (500).
 */
@Configuration(proxyBeanMethods = false)
class WebInputConfiguration implements WebMvcConfigurer {

  /** Right after Spring Security's filter chain (order -100): unauthenticated bodies are never read. */
  private static final int AFTER_SECURITY = -98;

  @Bean
  FilterRegistrationBean<RequestInputFilter> requestInputFilter() {
    var registration = new FilterRegistrationBean<>(new RequestInputFilter());
    registration.setOrder(AFTER_SECURITY);
    return registration;
  }

  /** The JSON converter of request bodies refuses text with control characters, as the filter does for fields. */
  @Bean
  ServerHttpMessageConvertersCustomizer jsonTextWithoutControlCharacters() {
    var module = new SimpleModule("kinora-text")
        .addDeserializer(String.class, new TextWithoutControlCharacters());
    return builder -> builder.configureMessageConvertersList(converters ->
        converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter json
            ? new JacksonJsonHttpMessageConverter(
                json.getMapper().rebuild().addModule(module).build())
            : converter));
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(new FileIsNotAValue());
  }

  /**
   * A file part where a handler expects a value (text, a number, an id, a choice): a value that does
   * not convert, so the handler's caller gets 400 as for any other wrong value.
   */
  static class FileIsNotAValue implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
      return Set.of(
          new ConvertiblePair(MultipartFile.class, Object.class),
          new ConvertiblePair(Part.class, Object.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
      return BeanUtils.isSimpleValueType(targetType.getObjectType());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
      throw new IllegalArgumentException("a file was sent where a value is expected");
    }
  }
}
