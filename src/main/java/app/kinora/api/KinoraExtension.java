package app.kinora.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what Kinora adds to OpenAI's Videos API — a field of an OpenAI object, or a whole
 * endpoint — so that the OpenAPI document says so ({@code x-kinora-extension: true}, and a
 * description that begins "Kinora's extension").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.TYPE,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@interface KinoraExtension {}
