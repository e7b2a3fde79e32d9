package app.kinora.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In the OpenAPI document: the operation's multipart body also carries the reference files that
 * {@link ApiFiles} reads from the request (the handler does not name them as parameters). Those
 * not listed in {@link #openAi()} are marked as Kinora's extensions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ReferenceFiles {

  /** The file fields that OpenAI's API has for this operation too. */
  String[] openAi() default {};
}
