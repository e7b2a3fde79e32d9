package app.kinora.account.internal;

import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Device and log data (P5): at sign-up, sign-in and each generation, the IP address, the user
 * agent read into device class / browser / system, the preferred language and the referring
 * page (origin and path only: a query string can carry secrets). Retention: see
 * {@link app.kinora.account.DeviceLogRetention}.
 */
@Repository
class RequestContexts {

  enum Activity {
    SIGN_UP,
    SIGN_IN,
    GENERATION
  }

  record RequestContext(
      Activity activity,
      String ip,
      String deviceClass,
      String browser,
      String os,
      String language,
      String referrer,
      Instant createdAt) {}

  private final JdbcClient jdbc;
  private final DeviceParser devices;

  RequestContexts(JdbcClient jdbc, DeviceParser devices) {
    this.jdbc = jdbc;
    this.devices = devices;
  }

  void record(UserId user, Activity activity, HttpServletRequest request) {
    var device = devices.parse(request.getHeader("User-Agent"));
    jdbc.sql("""
            insert into account_request_contexts
              (id, user_id, activity, ip, device_class, browser, os, language, referrer, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            UUID.randomUUID(),
            user.value(),
            activity.name(),
            request.getRemoteAddr(),
            device.deviceClass(),
            device.browser(),
            device.os(),
            language(request),
            referrer(request.getHeader("Referer")),
            Timestamp.from(Instant.now()))
        .update();
  }

  List<RequestContext> list(UserId user) {
    return jdbc.sql(
            "select * from account_request_contexts where user_id = ? order by created_at desc")
        .param(user.value())
        .query((rs, n) -> new RequestContext(
            Activity.valueOf(rs.getString("activity")),
            rs.getString("ip"),
            rs.getString("device_class"),
            rs.getString("browser"),
            rs.getString("os"),
            rs.getString("language"),
            rs.getString("referrer"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /** Replaces full IPs older than the cut-off by their network: IPv4 /24, IPv6 /48. */
  int truncateIpsBefore(Instant cutoff) {
    var rows = jdbc.sql(
            "select id, ip from account_request_contexts where not ip_truncated and created_at < ?")
        .param(Timestamp.from(cutoff))
        .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("ip")})
        .list();
    rows.forEach(row -> jdbc.sql(
            "update account_request_contexts set ip = ?, ip_truncated = true where id = ?")
        .params(truncate(row[1]), UUID.fromString(row[0]))
        .update());
    return rows.size();
  }

  int deleteBefore(Instant cutoff) {
    return jdbc.sql("delete from account_request_contexts where created_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  void deleteAll(UserId user) {
    jdbc.sql("delete from account_request_contexts where user_id = ?")
        .param(user.value())
        .update();
  }

  static String truncate(String ip) {
    if (ip == null) {
      return null;
    }
    try {
      var bytes = InetAddress.getByName(ip).getAddress();
      var keep = bytes.length == 4 ? 3 : 6;
      for (int i = keep; i < bytes.length; i++) {
        bytes[i] = 0;
      }
      return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String language(HttpServletRequest request) {
    var header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return null;
    }
    var tag = request.getLocale().toLanguageTag();
    return tag.length() > 35 ? null : tag;
  }

  static String referrer(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      var uri = URI.create(header.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      var path = uri.getRawPath() == null ? "" : uri.getRawPath();
      var kept = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
          + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
      return kept.length() > 500 ? kept.substring(0, 500) : kept;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
