package app.kinora.provider.spi;

/** Optional abilities of a model; the form and the API offer only what the model has. */
public enum Capability {
  /** Starts from a reference image ({@code input_reference}). */
  FIRST_FRAME,
  /** Ends on a reference image ({@code last_frame}). */
  LAST_FRAME,
  /** Uses an uploaded soundtrack ({@code audio}). */
  AUDIO_REFERENCE,
  /** Restyles an uploaded clip ({@code video}). */
  VIDEO_REFERENCE,
  /** Makes its own soundtrack; can be turned off ({@code generate_audio}). */
  AUDIO_GENERATION,
  /** Same seed and inputs give the same video ({@code seed}). */
  SEED,
  /** Can overlay the prompt as a caption ({@code caption}). */
  CAPTION,
  /** Takes a description of what to avoid ({@code negative_prompt}). */
  NEGATIVE_PROMPT
}
