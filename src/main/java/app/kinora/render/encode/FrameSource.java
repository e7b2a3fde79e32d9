package app.kinora.render.encode;

import java.nio.ByteBuffer;

/** Where the encoder's pictures come from, one YUV 4:2:0 frame at a time. */
public interface FrameSource extends AutoCloseable {

  ByteBuffer next() throws InterruptedException;

  @Override
  void close();
}
