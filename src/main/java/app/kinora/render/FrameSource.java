package app.kinora.render;

import java.nio.ByteBuffer;

/** Where the encoder's pictures come from, one YUV 4:2:0 frame at a time. */
interface FrameSource extends AutoCloseable {

  ByteBuffer next() throws InterruptedException;

  @Override
  void close();
}
