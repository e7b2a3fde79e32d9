/** Frames built on uploaded reference media: a picture in motion or a clip, the prompt's weather over it. */
package app.kinora.render.reference;
