/** The poster and the sprite sheet, taken from frames as they are drawn, written as JPEGs beside the video. */
package app.kinora.render.stills;
