/** The frames' way into the MP4: drawing ahead on a worker thread, YUV 4:2:0 conversion, H.264/AAC. */
package app.kinora.render.encode;
