// "Copy" buttons for secrets shown once (a new API key, recovery codes). Hidden without script
// or without a clipboard (plain HTTP on another host): then the text is selected by hand.
(() => {
  document.querySelectorAll('button.copy[data-copy]').forEach((button) => {
    const source = document.querySelector(button.dataset.copy);
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      const lines = source.querySelectorAll('li');
      const text = lines.length ? [...lines].map((li) => li.innerText.trim()).join('\n') : source.innerText.trim();
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch (e) {
        button.textContent = 'Select and copy it by hand';
      }
      setTimeout(() => { button.textContent = label; }, 2500);
    });
  });
})();
