import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The load of bench/cluster/run: many users, each in a loop until the deadline — submit a video
 * through the API, follow it (a quarter signed in through the sign-in form, following progress
 * by SSE through the load balancer and reconnecting when a stream ends early; the others polling
 * the API), download it — then checks what the run left: every job ended once, the ledger
 * balanced, every video downloadable from every web node, and which client errors fell outside
 * the seconds around a fault. Bounded in time and requests; loopback only.
 *
 * <p>java -cp CLASSPATH Load.java NAME BASE_URL JDBC_URL USERS SECONDS WEB_URLS FAULTS_FILE
 */
public class Load {

  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  static final String PASSWORD = "bench passphrase 1";
  static final Duration AROUND_FAULT = Duration.ofSeconds(20);
  static final Duration WARM_UP = Duration.ofSeconds(20);
  static final int MAX_REQUESTS = 20_000;

  record User(UUID id, String email, String key, boolean browser) {}

  record Submitted(String apiId, User user, long at, long millis) {}

  record ClientError(long at, String what) {}

  final String base;
  final List<String> webs;
  final HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  final List<ClientError> errors = new CopyOnWriteArrayList<>();
  final AtomicInteger reconnects = new AtomicInteger();
  final AtomicInteger downloads = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  final Map<String, String> finalStatus = new ConcurrentHashMap<>();
  volatile long lostAnswers;

  Load(String base, List<String> webs) {
    this.base = base;
    this.webs = webs;
  }

  public static void main(String[] args) throws Exception {
    var name = args[0];
    var load = new Load(args[1], List.of(args[5].split(",")));
    int users = Integer.parseInt(args[3]);
    var seconds = Integer.parseInt(args[4]);
    try (var db = DriverManager.getConnection(args[2])) {
      var people = createUsers(db, users);
      long start = System.currentTimeMillis();
      long deadline = start + seconds * 1000L;
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (var user : people) {
          threads.submit(() -> load.drive(user, deadline));
        }
      }
      long loadEnd = System.currentTimeMillis();
      var faults = args.length > 6 ? faults(Path.of(args[6])) : List.<Long>of(); // written meanwhile
      var verdict = load.verify(db, people, faults);
      load.report(name, start, seconds * 1000L, verdict, faults);
      System.out.printf("  (users' last jobs ended %.0f s after the load window)%n", (loadEnd - start) / 1000.0 - seconds);
      System.exit(verdict.isEmpty() ? 0 : 1);
    }
  }

  /** Users with a verified address, an API key, and (a quarter of them) a password. */
  static List<User> createUsers(Connection db, int count) throws Exception {
    var hash = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
    var users = new ArrayList<User>();
    var run = Long.toString(System.currentTimeMillis(), 36);
    for (int i = 0; i < count; i++) {
      var id = UUID.randomUUID();
      var email = "bench-" + run + "-" + i + "@kinora.test";
      boolean browser = i % 4 == 0;
      try (var insert = db.prepareStatement(
          "insert into users (id, email, email_normalized, display_name, password_hash, role, created_at,"
              + " email_verified_at) values (?, ?, ?, 'Bench User', ?, 'USER', now(), now())")) {
        insert.setObject(1, id);
        insert.setString(2, email);
        insert.setString(3, email);
        insert.setString(4, browser ? hash : null);
        insert.executeUpdate();
      }
      var key = "kn_bench_" + UUID.randomUUID().toString().replace("-", "");
      try (var insert = db.prepareStatement(
          "insert into api_keys (id, user_id, name, prefix, secret_hash, created_at) values (?, ?, 'bench', ?, ?, now())")) {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, id);
        insert.setString(3, key.substring(0, 10));
        insert.setString(4, HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))));
        insert.executeUpdate();
      }
      users.add(new User(id, email, key, browser));
    }
    return users;
  }

  void drive(User user, long deadline) {
    HttpClient browser = null;
    while (System.currentTimeMillis() < deadline && requests.get() < MAX_REQUESTS) {
      try {
        if (user.browser() && browser == null) {
          browser = signIn(user);
          if (browser == null) {
            pause(2000);
            continue;
          }
        }
        var job = submit(user);
        if (job == null) {
          pause(1000);
          continue;
        }
        var status = user.browser() ? followBySse(browser, job, deadline + 120_000) : poll(user, job, deadline + 120_000);
        if ("completed".equals(status)) {
          download(user, job, base);
        }
      } catch (RuntimeException e) {
        error("unexpected: " + e);
      }
      pause(500);
    }
  }

  HttpClient signIn(User user) {
    var client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    try {
      var form = send(client, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
      var csrf = CSRF.matcher(form.body());
      if (form.statusCode() != 200 || !csrf.find()) {
        error("sign-in form: " + form.statusCode());
        return null;
      }
      var body = "username=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
          + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      var signedIn = send(client, HttpRequest.newBuilder(URI.create(base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build());
      if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
        error("sign-in: " + signedIn.statusCode() + " " + signedIn.headers().firstValue("Location").orElse(""));
        return null;
      }
      return client;
    } catch (IOException e) {
      error("sign-in: " + e);
      return null;
    }
  }

  String submit(User user) {
    var body = "{\"model\":\"stub-sora\",\"prompt\":\"A slow aerial shot over snowy mountains\","
        + "\"seconds\":\"4\",\"size\":\"1280x720\"}";
    long began = System.nanoTime();
    try {
      var response = send(api, HttpRequest.newBuilder(URI.create(base + "/v1/videos"))
          .header("Authorization", "Bearer " + user.key())
          .header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build());
      long millis = (System.nanoTime() - began) / 1_000_000;
      if (response.statusCode() != 200) {
        error("submit: " + response.statusCode() + " " + response.body());
        return null;
      }
      var id = ID.matcher(response.body());
      if (!id.find()) {
        error("submit: no id in " + response.body());
        return null;
      }
      submitted.add(new Submitted(id.group(1), user, System.currentTimeMillis(), millis));
      return id.group(1);
    } catch (IOException e) {
      error("submit: " + e);
      return null;
    }
  }

  String poll(User user, String id, long until) {
    while (System.currentTimeMillis() < until) {
      try {
        var response = send(api, HttpRequest.newBuilder(URI.create(base + "/v1/videos/" + id))
            .header("Authorization", "Bearer " + user.key())
            .timeout(Duration.ofSeconds(15))
            .build());
        if (response.statusCode() == 200) {
          var status = STATUS.matcher(response.body());
          if (status.find() && List.of("completed", "failed").contains(status.group(1))) {
            finalStatus.put(id, status.group(1));
            return status.group(1);
          }
        } else {
          error("status: " + response.statusCode());
        }
      } catch (IOException e) {
        error("status: " + e);
      }
      pause(1000);
    }
    return null;
  }

  /** Follows the generation's SSE stream until its "done" event, reconnecting when a stream ends early. */
  String followBySse(HttpClient browser, String apiId, long until) {
    var hex = apiId.substring("video_".length());
    var uuid = new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    boolean first = true;
    while (System.currentTimeMillis() < until) {
      if (!first) {
        reconnects.incrementAndGet();
      }
      first = false;
      try {
        requests.incrementAndGet();
        var response = browser.send(
            HttpRequest.newBuilder(URI.create(base + "/generations/" + uuid + "/events"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
          error("sse: " + response.statusCode());
          pause(1000);
          continue;
        }
        String event = null;
        try (var lines = response.body()) {
          for (var line : (Iterable<String>) lines::iterator) {
            if (line.startsWith("event:")) {
              event = line.substring(6).trim();
            } else if (line.startsWith("data:") && "done".equals(event)) {
              var status = line.substring(5).trim();
              finalStatus.put(apiId, status);
              return status;
            }
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // a node went away mid-stream: the browser's EventSource reconnects
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      pause(1000);
    }
    return null;
  }

  void download(User user, String id, String from) {
    try {
      var response = api.send(
          HttpRequest.newBuilder(URI.create(from + "/v1/videos/" + id + "/content"))
              .header("Authorization", "Bearer " + user.key())
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
      requests.incrementAndGet();
      if (response.statusCode() != 200 || response.body().length == 0) {
        error("download: " + response.statusCode());
      } else {
        downloads.incrementAndGet();
      }
    } catch (IOException | InterruptedException e) {
      error("download: " + e);
    }
  }

  HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException {
    requests.incrementAndGet();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  void error(String what) {
    errors.add(new ClientError(System.currentTimeMillis(), what));
  }

  /** What the run must have left; each violation as a sentence. */
  List<String> verify(Connection db, List<User> users, List<Long> faults) throws Exception {
    var violations = new ArrayList<String>();
    var ids = users.stream().map(User::id).toList();
    var owners = ids.toArray(UUID[]::new);
    // every job ends: wait for the stragglers (bounded)
    long until = System.currentTimeMillis() + 180_000;
    while (count(db, "select count(*) from generations where user_id = any(?) and status in ('QUEUED','IN_PROGRESS')", owners) > 0
        && System.currentTimeMillis() < until) {
      pause(1000);
    }
    long open = count(db, "select count(*) from generations where user_id = any(?) and status in ('QUEUED','IN_PROGRESS')", owners);
    if (open > 0) {
      violations.add(open + " job(s) never ended");
    }
    long generations = count(db, "select count(*) from generations where user_id = any(?)", owners);
    if (generations < submitted.size()) {
      violations.add(generations + " generations stored for " + submitted.size() + " accepted submissions");
    }
    lostAnswers = generations - submitted.size(); // stored, but the client's request failed on the way back
    long holdsEndedOtherThanOnce = count(db, """
        select count(*) from (
          select hold_id from credit_entries where user_id = any(?) and hold_id is not null
          group by hold_id
          having count(*) filter (where kind = 'hold') <> 1
              or count(*) filter (where kind in ('capture', 'release')) <> 1) odd""", owners);
    if (holdsEndedOtherThanOnce > 0) {
      violations.add(holdsEndedOtherThanOnce + " hold(s) not ended exactly once");
    }
    long unbalanced = count(db, """
        select count(*) from credit_accounts a
         where a.user_id = any(?)
           and (a.held <> 0
             or a.balance <> (select coalesce(sum(amount), 0) from credit_entries e where e.user_id = a.user_id)
             or 0 <> (select coalesce(sum(held_change), 0) from credit_entries e where e.user_id = a.user_id))""", owners);
    if (unbalanced > 0) {
      violations.add(unbalanced + " account(s) with credits still held or sums that do not match the ledger");
    }
    // every completed video from every web node, once each is up again after the faults
    for (var web : webs) {
      long readyBy = System.currentTimeMillis() + 300_000;
      while (System.currentTimeMillis() < readyBy && !ready(web)) {
        pause(1000);
      }
    }
    var byId = new java.util.HashMap<UUID, User>();
    users.forEach(u -> byId.put(u.id(), u));
    int before = downloads.get();
    int checked = 0;
    try (var statement = db.prepareStatement("select id, user_id from generations where user_id = any(?) and status = 'COMPLETED'")) {
      statement.setArray(1, db.createArrayOf("uuid", owners));
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          var apiId = "video_" + rows.getObject(1).toString().replace("-", "");
          var owner = byId.get((UUID) rows.getObject(2));
          for (var web : webs) {
            download(owner, apiId, web);
            checked++;
          }
        }
      }
    }
    if (downloads.get() - before != checked) {
      violations.add((checked - (downloads.get() - before)) + " of " + checked + " downloads from the web nodes failed");
    }
    long outside = errors.stream().filter(e -> !nearFault(e.at(), faults)).count();
    if (outside > 0) {
      violations.add(outside + " client error(s) outside the seconds around a fault, first: "
          + errors.stream().filter(e -> !nearFault(e.at(), faults)).findFirst().orElseThrow().what());
    }
    return violations;
  }

  boolean ready(String web) {
    try {
      return send(api, HttpRequest.newBuilder(URI.create(web + "/actuator/health/readiness")).build())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean nearFault(long at, List<Long> faults) {
    return faults.stream().anyMatch(f -> at >= f - 1000 && at <= f + AROUND_FAULT.toMillis());
  }

  void report(String name, long start, long window, List<String> violations, List<Long> faults) {
    var latencies = new ArrayList<Long>();
    submitted.forEach(s -> latencies.add(s.millis()));
    Collections.sort(latencies);
    double minutes = window / 60_000.0;
    long completed = finalStatus.values().stream().filter("completed"::equals).count();
    System.out.printf("%s: %d users, %.1f min of load, %d requests%n", name, submitted.stream().map(Submitted::user).distinct().count(), minutes, requests.get());
    System.out.printf("  jobs submitted %d, completed %d, failed %d, %.1f completed jobs/min%n",
        submitted.size(), completed, finalStatus.values().stream().filter("failed"::equals).count(), completed / minutes);
    if (lostAnswers > 0) {
      System.out.printf("  %d job(s) accepted whose answer the client never got (counted among the client errors)%n", lostAnswers);
    }
    System.out.printf("  submit latency p50 %d ms, p99 %d ms, max %d ms%n",
        pct(latencies, 50), pct(latencies, 99), latencies.isEmpty() ? 0 : latencies.getLast());
    var calm = new ArrayList<Long>();
    submitted.stream()
        .filter(s -> s.at() - s.millis() >= start + WARM_UP.toMillis())
        .filter(s -> !nearFault(s.at() - s.millis(), faults))
        .forEach(s -> calm.add(s.millis()));
    Collections.sort(calm);
    System.out.printf("  submit latency after the first %d s and away from faults: p50 %d ms, p99 %d ms (%d submissions)%n",
        WARM_UP.toSeconds(), pct(calm, 50), pct(calm, 99), calm.size());
    submitted.stream()
        .sorted(java.util.Comparator.comparingLong(Submitted::millis).reversed())
        .limit(3)
        .forEach(s -> System.out.printf("    slow submit: %d ms at t+%.0f s%n", s.millis(), (s.at() - s.millis() - start) / 1000.0));
    System.out.printf("  SSE reconnects %d, downloads %d, client errors %d (%d around faults)%n",
        reconnects.get(), downloads.get(), errors.size(),
        errors.stream().filter(e -> nearFault(e.at(), faults)).count());
    var kinds = new java.util.TreeMap<String, Integer>();
    errors.forEach(e -> kinds.merge(e.what().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…").replaceAll("\\s+", " ").substring(0, Math.min(80, e.what().length())), 1, Integer::sum));
    kinds.forEach((what, n) -> System.out.printf("    %4d × %s%n", n, what));
    errors.stream()
        .filter(e -> !nearFault(e.at(), faults))
        .limit(5)
        .forEach(e -> System.out.printf("    away from faults at t+%.1f s: %s%n", (e.at() - start) / 1000.0, e.what()));
    faults.forEach(f -> System.out.printf("    fault at t+%.0f s%n", (f - start) / 1000.0));
    System.out.println(violations.isEmpty() ? "  checks: all passed (every job ended once, ledger balanced, every video from every web node)" : "  CHECKS FAILED: " + String.join("; ", violations));
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static long count(Connection db, String sql, UUID[] owners) throws Exception {
    try (var statement = db.prepareStatement(sql)) {
      statement.setArray(1, db.createArrayOf("uuid", owners));
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  static List<Long> faults(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return List.of();
      }
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.split(" ")[0])).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
