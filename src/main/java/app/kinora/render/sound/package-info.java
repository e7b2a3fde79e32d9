/** The soundtrack: a seeded ambience of synthetic voices, or the uploaded sound trimmed and levelled. */
package app.kinora.render.sound;
