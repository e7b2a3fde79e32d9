package app.kinora.render.encode;

import app.kinora.render.canvas.Canvas;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Converts a frame to the encoder's pixel format, planar YUV 4:2:0 with BT.709 coefficients in
 * limited range (the colours the MP4 is tagged with), in integer arithmetic. Doing it here rather
 * than in FFmpeg keeps the conversion on the drawing side, off the encoder's critical path. With
 * the Vector API in the JVM ({@code --add-modules jdk.incubator.vector}, as the launcher starts
 * it) the conversion takes a third of the time; without, the same bytes come a little slower.
 */
public final class Yuv420 {

  /** Stateless, so one serves every converter; the scalar kernel keeps a buffer per converter. */
  private static final Optional<PlaneKernel> VECTOR = vectorKernel();

  private static final AtomicBoolean WARMING_UP = new AtomicBoolean();

  /**
   * A hundred conversions of the warm-up's 128x16 frame take about 0.1 ms compiled, 6 to 60 ms
   * before: the line between is generous both ways.
   */
  private static final Duration COMPILED_HUNDRED_CALLS = Duration.ofMillis(2);

  /** Set once {@link #warmUp} saw the vector kernel compiled: until then, the scalar kernel. */
  private static volatile boolean warm;

  private final int width;
  private final int height;
  private final byte[] planes;
  private final PlaneKernel kernel;

  public Yuv420(int width, int height) {
    this(width, height, VECTOR.filter(kernel -> warm).orElseGet(ScalarPlanes::new));
  }

  Yuv420(int width, int height, PlaneKernel kernel) {
    this.width = width;
    this.height = height;
    this.planes = new byte[width * height * 3 / 2];
    this.kernel = kernel;
  }

  /** Fills {@code target} (a direct buffer of {@code width * height * 3 / 2} bytes) from the canvas. */
  public void convert(Canvas canvas, ByteBuffer target) {
    kernel.luma(canvas.pixels, planes);
    kernel.chroma(canvas.pixels, width, height, planes);
    target.clear();
    target.put(planes);
    target.flip();
  }

  /** The kernel this converter took when it was made. */
  PlaneKernel kernel() {
    return kernel;
  }

  /**
   * Which conversion new converters take: "vector, 512 bits", say, or "scalar", or "scalar while
   * vector, 512 bits is compiled" between a node's start and the end of its warm-up.
   */
  public static String conversion() {
    if (VECTOR.isEmpty()) {
      return "scalar";
    }
    return warm
        ? VECTOR.get().description()
        : "scalar while " + VECTOR.get().description() + " is compiled";
  }

  /**
   * Runs the vector kernel on a small frame until the JIT has compiled it, so that no render pays
   * for that: until then it runs far slower than the scalar kernel, which converters take
   * meanwhile. Thousands of calls first (C2 compiles a method for its callers only after several
   * hundred), then a hundred calls every tenth of a second until they run at compiled speed,
   * since at a node's start C2 has a long queue. About half a second of one core; gives up (the
   * scalar kernel stays) after a minute. Does nothing without the vector kernel, nor after the
   * first call: compiled code serves the whole JVM.
   */
  public static void warmUp() {
    if (VECTOR.isEmpty() || WARMING_UP.getAndSet(true)) {
      return;
    }
    var canvas = new Canvas(128, 16);
    var converter = new Yuv420(canvas.width, canvas.height, VECTOR.get());
    var target = ByteBuffer.allocateDirect(canvas.width * canvas.height * 3 / 2);
    for (int round = 0; round < 3000; round++) {
      converter.convert(canvas, target);
    }
    long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < giveUp) {
      long start = System.nanoTime();
      for (int round = 0; round < 100; round++) {
        converter.convert(canvas, target);
      }
      if (System.nanoTime() - start < COMPILED_HUNDRED_CALLS.toNanos()) {
        warm = true;
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * The vector kernel when the module is there and the processor's vectors are wide.
   * The module is looked up before any of its classes is touched, so a JVM without it never
   * loads the vector kernel.
   */
  private static Optional<PlaneKernel> vectorKernel() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return Optional.empty();
    }
    try {
      return VectorPlanes.ifWorthIt();
    } catch (LinkageError e) {
      return Optional.empty();
    }
  }
}
