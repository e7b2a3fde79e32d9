package app.kinora.media;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter that answers plain GETs for a stored file on the short way, before Spring MVC,
 * with exactly the answer the controller would give ({@link Delivery#answerWithSendfile}), and
 * hands every other request on unchanged. A player asks for range after range, so the fixed cost
 * of each request is most of the cost. A subclass says which file a request asks for, once the
 * request has shown it may have it.
 */
public abstract class DeliveryFastPath extends OncePerRequestFilter {

  private final Delivery delivery;

  protected DeliveryFastPath(Delivery delivery) {
    this.delivery = delivery;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod());
  }

  @Override
  protected final void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    var file = fileFor(request, path);
    if (file.isEmpty() || !delivery.answerWithSendfile(file.get(), request, response)) {
      chain.doFilter(request, response);
    }
  }

  /**
   * The file a plain GET of {@code path} asks for, when this request may have it; empty hands the
   * request on to the controllers, which answer it (with 404, say).
   *
   * @param path the raw path inside the application, before any decoding
   */
  protected abstract Optional<MediaFile> fileFor(HttpServletRequest request, String path);
}
