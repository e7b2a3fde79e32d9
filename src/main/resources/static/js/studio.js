// The studio's small helpers, progressive like the rest: without this script the form still
// submits and the server still refuses what it cannot do. Listeners sit on the document because
// htmx replaces parts of the form.
(() => {
  const form = () => document.getElementById('generate');

  // A counter under the prompt, from the textarea's own limit.
  const count = () => {
    const prompt = document.getElementById('prompt');
    const counter = document.getElementById('prompt-count');
    if (!prompt || !counter) return;
    const max = Number(prompt.getAttribute('maxlength'));
    const used = prompt.value.length;
    counter.textContent = used > max * 0.8 ? `${used.toLocaleString()} / ${max.toLocaleString()}` : '';
    counter.classList.toggle('error', used >= max);
  };

  // Generate stays off while the quote says the balance is short; the quote says why.
  const followQuote = () => {
    const button = document.getElementById('generate-button');
    const quote = document.getElementById('quote');
    if (!button || !quote) return;
    const short = quote.querySelector('[data-short]') !== null;
    button.disabled = short;
    button.title = short ? 'Not enough credits for this video' : '';
  };

  // Examples under an empty prompt: a click fills the prompt (a plain link without script).
  const followPrompt = () => {
    const prompt = document.getElementById('prompt');
    const examples = document.getElementById('prompt-examples');
    if (prompt && examples) examples.hidden = prompt.value.trim() !== '';
  };
  document.addEventListener('click', (event) => {
    const example = event.target instanceof Element ? event.target.closest('[data-example]') : null;
    const prompt = document.getElementById('prompt');
    if (!example || !prompt) return;
    event.preventDefault();
    prompt.value = example.textContent.trim();
    prompt.dispatchEvent(new Event('input', { bubbles: true }));
    prompt.focus();
  });

  document.addEventListener('input', (event) => {
    if (event.target.id === 'prompt') {
      count();
      followPrompt();
    }
  });
  document.addEventListener('htmx:afterSettle', (event) => {
    if (event.target.id === 'quote') followQuote();
  });
  // A video asked for or cancelled moves credits: the price line shows the new balance.
  document.addEventListener('htmx:afterRequest', (event) => {
    const path = event.detail.requestConfig && event.detail.requestConfig.path;
    const quote = document.getElementById('quote');
    if (quote && event.detail.successful && event.detail.requestConfig.verb === 'post'
        && path && path.startsWith('/generations')) {
      htmx.trigger(quote, 'credits-changed');
    }
  });
  document.addEventListener('DOMContentLoaded', count);
})();
