package app.kinora.render.sound;

/** One strand of a soundscape: produces the next sample, at 48 kHz, roughly within -1..1. */
interface Voice {

  double next();
}
