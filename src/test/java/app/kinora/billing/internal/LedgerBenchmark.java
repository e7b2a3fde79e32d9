package app.kinora.billing.internal;

import app.kinora.billing.BillingProperties;
import app.kinora.billing.HoldId;
import app.kinora.billing.PriceRequest;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds per second through the real ledger code against the embedded PostgreSQL (fsync and
 * synchronous commit on, as Kinora runs it), compared in the same run with the floor: plain
 * single-row INSERTs, each committed on its own, by the same number of threads. Each hold is one
 * transaction: lock the account row, check the available credits, append the entry, move the
 * cached sums. Run with {@code bench/ledger [THREADS] [SECONDS]} (default 16 threads: concurrent commits share WAL flushes, as concurrent requests do).
 */
public final class LedgerBenchmark {

  private static final PriceRequest WORK =
      new PriceRequest("kinora-local", 4, new VideoSize(1280, 720), true);

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    var seconds = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
    var dir = Files.createTempDirectory("kinora-ledger-bench");
    try (var postgres = EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
        var pool = pool(postgres, threads)) {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/billing")
          .load()
          .migrate();
      var jdbc = JdbcClient.create(pool);
      var transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
      var entries = new LedgerEntries(jdbc);
      var ledger = new Ledger(
          entries,
          new LedgerReads(jdbc),
          new CreditAccounts(entries, null, properties()),
          new Pricing(properties()),
          new LowCredits(entries, event -> {}, properties(), java.time.Clock.systemUTC()));
      jdbc.sql(
              "create table bench_rows (id bigint generated always as identity primary key, user_id uuid not null, "
                  + "amount bigint not null, created_at timestamptz not null default now())")
          .update();

      var users = new ArrayList<UserId>();
      for (int i = 0; i < threads; i++) {
        users.add(openAccount(entries, transactions));
      }
      var shared = openAccount(entries, transactions);
      IntConsumer insert = t -> jdbc.sql("insert into bench_rows (user_id, amount) values (?, 1)")
          .param(users.get(t).value())
          .update();
      IntConsumer hold = t -> transactions.executeWithoutResult(
          tx -> ledger.hold(users.get(t), new HoldId(UUID.randomUUID()), WORK, "bench"));
      IntConsumer contended = t -> transactions.executeWithoutResult(
          tx -> ledger.hold(shared, new HoldId(UUID.randomUUID()), WORK, "bench"));

      run(threads, Duration.ofSeconds(1), insert); // warm-up: JIT, pool, server caches
      run(threads, Duration.ofSeconds(1), hold);
      double baseline = run(threads, seconds, insert);
      double holds = run(threads, seconds, hold);
      double oneAccount = run(threads, seconds, contended);
      System.out.printf(
          "threads: %d, %d s per measurement, embedded PostgreSQL with fsync and synchronous_commit on%n",
          threads, seconds.toSeconds());
      System.out.printf("baseline  single-row INSERT, one per transaction: %8.0f /s%n", baseline);
      System.out.printf("ledger    holds, one account per thread:          %8.0f /s%n", holds);
      System.out.printf("ledger    holds, all threads on one account:      %8.0f /s%n", oneAccount);
      System.out.printf("ratio holds/INSERT: %.2f%n", holds / baseline);
    }
  }

  private static UserId openAccount(LedgerEntries entries, TransactionTemplate transactions) {
    var user = UserId.random();
    transactions.executeWithoutResult(tx -> {
      entries.openAndLock(user);
      entries.append(
          user, LedgerEntry.Kind.GRANT, Long.MAX_VALUE / 4, 0, null, "bench", null, "bench");
    });
    return user;
  }

  /** Calls the action from each thread until time is up; returns calls per second. */
  private static double run(int threads, Duration time, IntConsumer action)
      throws InterruptedException {
    var done = new LongAdder();
    long end = System.nanoTime() + time.toNanos();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int index = t;
      workers.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          action.accept(index);
          done.increment();
        }
      }));
    }
    for (var worker : workers) {
      worker.join();
    }
    return done.sum() / ((System.nanoTime() - start) / 1e9);
  }

  private static HikariDataSource pool(EmbeddedPostgres postgres, int threads) {
    var config = new HikariConfig();
    config.setDataSource(postgres.getPostgresDatabase());
    config.setMaximumPoolSize(threads);
    return new HikariDataSource(config);
  }

  private static BillingProperties properties() {
    var price = new BillingProperties.ModelPrice(BigDecimal.ONE, new BigDecimal("0.25"));
    return new BillingProperties(
        0,
        0,
        0,
        new BillingProperties.Pricing(
            1,
            price,
            Map.of("kinora-local", price),
            Map.of(480, BigDecimal.ONE, 720, new BigDecimal("1.5")),
            new BigDecimal("20"),
            new BigDecimal("1.3")),
        List.of(),
        new BillingProperties.Stripe(
            null, null, "https://api.stripe.com", false, Duration.ofMinutes(5)),
        0);
  }
}
