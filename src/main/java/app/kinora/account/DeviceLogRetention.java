package app.kinora.account;

import java.time.Instant;

/**
 * Retention of device and log data (P5, P9), for the retention engine to run on schedule. Two
 * categories, each with its configured period:
 * <ul>
 *   <li>{@code device-log.ip}: the full IP address, kept {@code kinora.account.request-context-ip-retention},
 *       then reduced to its network (IPv4 /24, IPv6 /48);
 *   <li>{@code device-log}: the whole record (network, device, browser, system, language,
 *       referrer), deleted after {@code kinora.account.request-context-retention}.
 * </ul>
 */
public interface DeviceLogRetention {

  String IP_CATEGORY = "device-log.ip";
  String RECORD_CATEGORY = "device-log";

  /** Applies both periods as of {@code now}; returns the number of records changed or deleted. */
  int apply(Instant now);
}
