package app.kinora.render.encode;

import app.kinora.render.canvas.Canvas;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Converts a frame to the encoder's pixel format, planar YUV 4:2:0 with BT.709 coefficients in
 * limited range (the colours the MP4 is tagged with), in integer arithmetic. Doing it here rather
 * than in FFmpeg keeps the conversion on the drawing side, off the encoder's critical path. With
 * the Vector API in the JVM ({@code --add-modules jdk.incubator.vector}, as the launcher starts
 * it) the conversion takes a quarter of the time; without, the same bytes come a little slower.
 */
public final class Yuv420 {

  /** Stateless, so one serves every converter; the scalar kernel keeps a buffer per converter. */
  private static final Optional<PlaneKernel> VECTOR = vectorKernel();

  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  private final int width;
  private final int height;
  private final byte[] planes;
  private final PlaneKernel kernel;

  public Yuv420(int width, int height) {
    this(width, height, VECTOR.orElseGet(ScalarPlanes::new));
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

  /** Which conversion this JVM uses: "vector, 512 bits", say, or "scalar". */
  public static String conversion() {
    return VECTOR.map(PlaneKernel::description).orElse("scalar");
  }

  /**
   * Runs the conversion on a small frame until the JIT has compiled it (about half a second of one
   * core), so that a node's first render does not pay for it: until then, the vector kernel runs
   * far slower than the scalar one. Does nothing for the scalar kernel, which compiles quickly,
   * nor after the first call: compiled code serves the whole JVM.
   */
  public static void warmUp() {
    if (VECTOR.isEmpty() || WARMED_UP.getAndSet(true)) {
      return;
    }
    var canvas = new Canvas(256, 64);
    var converter = new Yuv420(canvas.width, canvas.height, VECTOR.get());
    var target = ByteBuffer.allocateDirect(canvas.width * canvas.height * 3 / 2);
    for (int round = 0; round < 300; round++) {
      canvas.pixels[round] = round * 0x010203;
      converter.convert(canvas, target);
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
