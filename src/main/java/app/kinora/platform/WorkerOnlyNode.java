package app.kinora.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node with {@code kinora.node.roles=worker} serves no pages and no API: only the actuator
 * (health for the orchestrator, metrics for Prometheus). Everything else is answered 404 before
 * security, sessions or any handler, so a misrouted request changes nothing here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${kinora.node.roles:web,worker}'.toLowerCase().contains('web')")
class WorkerOnlyNode {

  @Bean
  FilterRegistrationBean<OnlyTheActuator> onlyTheActuator() {
    var registration = new FilterRegistrationBean<>(new OnlyTheActuator());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after the correlation id
    return registration;
  }

  static class OnlyTheActuator extends OncePerRequestFilter {

    static final String MESSAGE =
        "This Kinora node runs jobs only: its pages and API are served by the web nodes.\n";

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.equals("/actuator") || path.startsWith("/actuator/")) {
        chain.doFilter(request, response);
        return;
      }
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("text/plain;charset=UTF-8");
      response.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.UTF_8));
    }
  }
}
