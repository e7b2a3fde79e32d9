package app.kinora.render.encode;

import app.kinora.render.scene.Scene;
import app.kinora.render.stills.Stills;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Draws the frames of a clip, converted for the encoder, on a worker thread that keeps up to
 * two frames ahead of the caller (a third buffer is the one the caller holds): drawing then
 * overlaps with encoding, which is what lets a render use both cores of a small server. One
 * worker draws every frame in order into the same canvas, so the frames are the same as drawn on
 * the caller's thread.
 */
public final class Drawing implements FrameSource {

  private static final int BUFFERS = 3;

  private final Scene scene;
  private final Stills stills;
  private final Yuv420 converter;
  private final ByteBuffer[] buffers;
  private final int frames;
  private final int framesPerSecond;
  private final ExecutorService worker;
  private final ArrayDeque<Future<ByteBuffer>> pending = new ArrayDeque<>();
  private int submitted;
  /** Whether the caller holds a buffer; it is free again when the caller asks for the next frame. */
  private boolean lent;

  /**
   * {@code buffers} makes the buffers, in the encoder's frame format, that frames are drawn into;
   * {@code stills} sees every frame as drawn.
   */
  public Drawing(
      Scene scene,
      Yuv420 converter,
      Supplier<ByteBuffer> buffers,
      int frames,
      int framesPerSecond,
      Stills stills) {
    this.scene = scene;
    this.stills = stills;
    this.converter = converter;
    this.buffers = new ByteBuffer[BUFFERS];
    for (int i = 0; i < BUFFERS; i++) {
      this.buffers[i] = buffers.get();
    }
    this.frames = frames;
    this.framesPerSecond = framesPerSecond;
    this.worker = Executors.newSingleThreadExecutor(task -> {
      var thread = new Thread(task, "kinora-render-draw");
      thread.setDaemon(true);
      return thread;
    });
    while (submitted < Math.min(BUFFERS, frames)) {
      submitNext();
    }
  }

  /**
   * The next frame in order, waiting for it if needed. Its buffer stays valid until the next
   * call, which hands it back to the worker for a later frame.
   */
  @Override
  public ByteBuffer next() throws InterruptedException {
    if (lent && submitted < frames) {
      submitNext();
    }
    lent = true;
    try {
      return pending.removeFirst().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("drawing a frame failed", e.getCause());
    }
  }

  private void submitNext() {
    int frame = submitted++;
    var buffer = buffers[frame % BUFFERS];
    pending.addLast(worker.submit(() -> {
      var canvas = scene.draw(frame / (double) framesPerSecond, frame / Math.max(1.0, frames - 1));
      stills.take(frame, canvas);
      converter.convert(canvas, buffer);
      return buffer;
    }));
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
