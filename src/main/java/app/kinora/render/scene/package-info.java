/** A scene composed from its description: the composers that stack its layers, and its camera. */
package app.kinora.render.scene;
