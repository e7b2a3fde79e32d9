package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import app.kinora.account.DeviceLogRetention;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RequestContextRetention implements DeviceLogRetention {

  private final RequestContexts contexts;
  private final AccountProperties properties;

  RequestContextRetention(RequestContexts contexts, AccountProperties properties) {
    this.contexts = contexts;
    this.properties = properties;
  }

  @Override
  @Transactional
  public int apply(Instant now) {
    return contexts.truncateIpsBefore(now.minus(properties.requestContextIpRetention()))
        + contexts.deleteBefore(now.minus(properties.requestContextRetention()));
  }
}
