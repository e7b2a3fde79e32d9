package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
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
 * progress bar's HTML on every change, then {@code done} when the job ends (the page then
 * fetches the finished card). When this node stops, the stream ends with a retry hint of {@value
 * #RECONNECT_MILLIS} ms: the browser's EventSource reconnects, through the load balancer, to a node
 * that is still up, and gets the state as of then.
 */
@RestController
class GenerationEventsController {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  static final long RECONNECT_MILLIS = 1000;

  private final Generations generations;
  private final ProgressBus bus;
  private final ITemplateEngine templates;

  GenerationEventsController(Generations generations, ProgressBus bus, ITemplateEngine templates) {
    this.generations = generations;
    this.bus = bus;
    this.templates = templates;
  }

  @GetMapping(path = "/generations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id) {
    var generationId = new GenerationId(id);
    var owner = user.userId();
    generations
        .find(owner, generationId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    var emitter = new SseEmitter(TIMEOUT.toMillis());
    var unsubscribe = bus.subscribe(
        generationId, changed -> push(emitter, owner, changed), () -> reconnectElsewhere(emitter));
    emitter.onCompletion(unsubscribe);
    emitter.onTimeout(unsubscribe);
    emitter.onError(error -> unsubscribe.run());
    push(emitter, owner, generationId); // the state as of now; later changes arrive via the bus
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

  private void push(SseEmitter emitter, UserId owner, GenerationId id) {
    generations.find(owner, id).ifPresent(generation -> send(emitter, generation));
  }

  private void send(SseEmitter emitter, Generation generation) {
    synchronized (emitter) {
      try {
        emitter.send(SseEmitter.event().name("progress").data(progressHtml(generation)));
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
    return templates.process("generation/progress", context).strip();
  }
}
