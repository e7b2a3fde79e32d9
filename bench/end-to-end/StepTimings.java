package kinora.bench;

import app.kinora.media.BlobStore;
import app.kinora.media.MediaProbe;
import app.kinora.media.VideoDerivatives;
import app.kinora.provider.Providers;
import java.time.Instant;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Bench only, never in the product: loaded by bench/end-to-end through the jar's launcher
 * ({@code loader.path}), it wraps the beans the generation worker calls step by step and logs
 * when each call started and how long it took, one line per call:
 * {@code bench-step render start=1733316906123.456 ms=5123.4}.
 */
@AutoConfiguration
public class StepTimings {

  private static final Logger log = LoggerFactory.getLogger("kinora.bench");

  /** The step each interface's calls count towards; calls of other methods are not logged. */
  private static final Map<Class<?>, Map<String, String>> STEPS = Map.of(
      Providers.class, Map.of("generate", "render"),
      MediaProbe.class, Map.of("probeMp4", "probe"),
      VideoDerivatives.class, Map.of("poster", "derivatives", "spriteSheet", "derivatives"),
      BlobStore.class, Map.of("put", "store"));

  @Bean
  static BeanPostProcessor benchStepTimings() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        for (var step : STEPS.entrySet()) {
          if (step.getKey().isInstance(bean)) {
            var proxy = new ProxyFactory(bean);
            proxy.addAdvice(timed(step.getValue()));
            return proxy.getProxy(bean.getClass().getClassLoader());
          }
        }
        return bean;
      }
    };
  }

  private static MethodInterceptor timed(Map<String, String> steps) {
    return invocation -> {
      var step = steps.get(invocation.getMethod().getName());
      if (step == null) {
        return invocation.proceed();
      }
      var start = Instant.now();
      long t0 = System.nanoTime();
      try {
        return invocation.proceed();
      } finally {
        log.info("bench-step {} start={}.{} ms={}", step, start.toEpochMilli(),
            String.format(java.util.Locale.ROOT, "%03d", start.getNano() / 1000 % 1000), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e6));
      }
    };
  }
}
