package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Live progress of one generation as Server-Sent Events: a {@code progress} event carrying the
 * progress bar's HTML (with its place in line or time left) on every change and every {@value
 * #TICK_SECONDS} s (others' jobs move the line, and the time left runs down), a {@code balance}
 * event with the owner's available credits whenever they differ from the last sent (a hold, a
 * capture, a release on cancel: for the header), then {@code done} when the job ends (the page
 * then fetches the finished card). When this node stops, the stream ends with a retry hint of {@value
 * #RECONNECT_MILLIS} ms: the browser's EventSource reconnects, through the load balancer, to a node
 * that is still up, and gets the state as of then.
 */
@RestController
class GenerationEventsController {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  static final long RECONNECT_MILLIS = 1000;
  static final long TICK_SECONDS = 5;

  private final Generations generations;
  private final ProgressBus bus;
  private final ITemplateEngine templates;
  private final QueueStandings standings;
  private final CreditLedger credits;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("generation-progress-ticker").factory());

  GenerationEventsController(
      Generations generations,
      ProgressBus bus,
      ITemplateEngine templates,
      QueueStandings standings,
      CreditLedger credits) {
    this.generations = generations;
    this.bus = bus;
    this.templates = templates;
    this.standings = standings;
    this.credits = credits;
  }

  @PreDestroy
  void stopTicking() {
    ticker.shutdownNow();
  }

  /** One open stream: what it last told the browser of the balance. */
  private static final class Stream {
    private final SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    private Credits balanceSent;
  }

  @GetMapping(path = "/generations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id) {
    var generationId = new GenerationId(id);
    var owner = user.userId();
    generations
        .find(owner, generationId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    var stream = new Stream();
    var emitter = stream.emitter;
    var unsubscribe = bus.subscribe(
        generationId, changed -> push(stream, owner, changed), () -> reconnectElsewhere(emitter));
    // the push runs on a virtual thread: the one ticker thread only schedules
    var tick = ticker.scheduleAtFixedRate(
        () -> Thread.startVirtualThread(() -> push(stream, owner, generationId)),
        TICK_SECONDS,
        TICK_SECONDS,
        TimeUnit.SECONDS);
    Runnable end = () -> {
      tick.cancel(false);
      unsubscribe.run();
    };
    emitter.onCompletion(end);
    emitter.onTimeout(end);
    emitter.onError(error -> end.run());
    push(stream, owner, generationId); // the state as of now; later changes arrive via the bus
    if (!bus.isRunning()) {
      reconnectElsewhere(emitter); // the node is stopping: the state now, then off to another node
    }
    return emitter;
  }

  /** Ends the stream with a retry hint, so that the browser reconnects (to another node). */
  private void reconnectElsewhere(SseEmitter emitter) {
    synchronized (emitter) {
      try {
        emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("node stopping"));
        emitter.complete();
      } catch (IOException | IllegalStateException e) {
        emitter.completeWithError(e); // the browser went away
      }
    }
  }

  private void push(Stream stream, UserId owner, GenerationId id) {
    generations.find(owner, id).ifPresent(generation -> send(stream, generation));
  }

  private void send(Stream stream, Generation generation) {
    var emitter = stream.emitter;
    var progress = progressHtml(generation);
    var available = credits.balance(generation.owner()).available();
    synchronized (emitter) {
      try {
        emitter.send(SseEmitter.event().name("progress").data(progress));
        if (!available.equals(stream.balanceSent)) {
          // before "done": the card is replaced then, and this stream's listeners with it
          emitter.send(SseEmitter.event().name("balance").data(available.toString()));
          stream.balanceSent = available;
        }
        if (generation.status().isTerminal()) {
          emitter.send(SseEmitter.event().name("done").data(generation.status().apiName()));
          emitter.complete();
        }
      } catch (IOException | IllegalStateException e) {
        emitter.completeWithError(e); // the browser went away
      }
    }
  }

  private String progressHtml(Generation generation) {
    var context = new Context();
    context.setVariable("g", generation);
    context.setVariable("standing", standings.of(generation).orElse(null));
    return templates.process("generation/progress", context).strip();
  }
}
