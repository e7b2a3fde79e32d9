package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import app.kinora.privacy.spi.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Device and log data (P5, P9) for the retention engine, in two steps: the full IP address is
 * kept for a while, then reduced to its network (IPv4 /24, IPv6 /48); later the whole record goes.
 * Defaults come from {@code kinora.account.request-context-ip-retention} and
 * {@code request-context-retention}.
 */
@Configuration(proxyBeanMethods = false)
class RequestContextRetention {

  @Bean
  RetentionRule deviceLogIpRule(RequestContexts contexts, AccountProperties properties) {
    return rule(
        "device-log-ip",
        "Your IP address at sign-up, sign-in and generation, then only its network (first three parts)",
        properties.requestContextIpRetention(),
        contexts::truncateIpsBefore);
  }

  @Bean
  RetentionRule deviceLogRule(RequestContexts contexts, AccountProperties properties) {
    return rule(
        "device-log",
        "Device, browser, language and referring page at sign-up, sign-in and generation",
        properties.requestContextRetention(),
        contexts::deleteBefore);
  }

  private static RetentionRule rule(
      String category,
      String description,
      Duration period,
      java.util.function.ToIntFunction<Instant> purge) {
    return new RetentionRule() {
      @Override
      public String category() {
        return category;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Duration defaultPeriod() {
        return period;
      }

      @Override
      public long purge(Instant cutoff) {
        return purge.applyAsInt(cutoff);
      }
    };
  }
}
