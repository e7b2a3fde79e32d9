package app.kinora.generation;

import java.time.Instant;
import java.util.List;

/**
 * One transmission of a generation's data to a platform, as its owner may see it (the transfer
 * log): where it went and which fields and files went, by name — never their contents, never the
 * platform's job id.
 *
 * @param platform the platform's name, e.g. {@code fal.ai}
 * @param country where it processes requests
 * @param fields the request fields sent, e.g. {@code prompt}, {@code duration}
 * @param files the files sent, by request field, e.g. {@code first_frame}
 * @param summary one line for people, e.g. {@code Sent to: fal.ai (US) — prompt, 1 image}
 */
public record DataSent(
    String platform,
    String country,
    List<String> fields,
    List<String> files,
    Instant sentAt,
    String summary) {

  public DataSent {
    fields = List.copyOf(fields);
    files = List.copyOf(files);
  }
}
