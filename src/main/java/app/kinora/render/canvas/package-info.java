/** The frame being drawn: packed RGB pixels, colour arithmetic, sprites and seeded noise. */
package app.kinora.render.canvas;
