/** Reading a prompt: its words become a scene description (places, light, weather, mood, camera). */
package app.kinora.render.prompt;
