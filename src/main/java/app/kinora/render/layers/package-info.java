/** The layers of a scene (sky, lights, terrain, water, weather, caption) and the view they paint through. */
package app.kinora.render.layers;
