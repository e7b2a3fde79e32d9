package app.kinora.provider.spi;

import java.util.List;

/**
 * What a model that reads prompts by rule makes of one (the local renderer: it draws scenes from
 * the words it knows), shown while the user types so that nothing is left out without a word.
 * AI models have none: they read the whole prompt.
 *
 * @param drawn the words and phrases it will draw, in the prompt's order
 * @param notDrawn the words that only vary the colours and pace, in the prompt's order
 */
public record PromptReading(List<String> drawn, List<String> notDrawn) {}
