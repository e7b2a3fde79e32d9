// Drag-and-drop and previews for the studio's reference files, dropped on their fields or on the prompt. Progressive: without this script
// the plain file inputs work the same. Listeners sit on the document because htmx replaces the
// form's options whenever the model changes.
(() => {
  const zoneOf = (node) => (node instanceof Element ? node.closest('.drop-zone') : null);
  const inputOf = (zone) => zone.querySelector('input[type=file]');

  const readableSize = (bytes) =>
    bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

  // The input's accept list ("image/png,image/jpeg" or "audio/*") against a file's type.
  const accepts = (input, file) => {
    const accept = (input.getAttribute('accept') || '').split(',').map((t) => t.trim()).filter(Boolean);
    return accept.length === 0 || accept.some((type) =>
      type.endsWith('/*') ? file.type.startsWith(type.slice(0, -1)) : file.type === type);
  };

  const clear = (zone) => {
    zone.querySelectorAll('.file-preview, .drop-error').forEach((box) => {
      box.querySelectorAll('[src^="blob:"]').forEach((media) => URL.revokeObjectURL(media.src));
      box.remove();
    });
    zone.classList.remove('has-file');
  };

  const complain = (zone, message) => {
    const note = document.createElement('small');
    note.className = 'drop-error';
    note.setAttribute('role', 'alert');
    note.textContent = message;
    zone.append(note);
  };

  const mediaFor = (file) => {
    const kind = file.type.split('/')[0];
    const media = kind === 'image' ? document.createElement('img')
      : kind === 'audio' ? document.createElement('audio')
      : kind === 'video' ? document.createElement('video') : null;
    if (!media) return null;
    if (kind === 'image') media.alt = `Preview of ${file.name}`;
    else { media.controls = true; media.preload = 'metadata'; }
    if (kind === 'video') media.muted = true;
    media.src = URL.createObjectURL(file);
    return media;
  };

  const preview = (input) => {
    const zone = zoneOf(input);
    if (!zone) return;
    clear(zone);
    const files = Array.from(input.files || []);
    if (files.length === 0) return;
    zone.classList.add('has-file');
    const box = document.createElement('div');
    box.className = 'file-preview';
    files.forEach((file) => {
      const media = mediaFor(file);
      if (media) box.append(media);
    });
    const name = document.createElement('small');
    name.textContent = files.length === 1
      ? `${files[0].name} · ${readableSize(files[0].size)}`
      : `${files.length} files · ${readableSize(files.reduce((sum, file) => sum + file.size, 0))}`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'small secondary outline';
    remove.textContent = 'Remove';
    remove.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = '';
      clear(zone);
    });
    box.append(name, remove);
    zone.append(box);
  };

  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file' && zoneOf(event.target)) {
      preview(event.target);
    }
  });

  // A file dropped beside a zone must not make the browser leave the form to open it.
  const insideForm = (event) => event.target instanceof Element && event.target.closest('#generate');
  document.addEventListener('dragover', (event) => {
    if (!insideForm(event)) return;
    event.preventDefault();
    const zone = zoneOf(event.target) || promptOf(event.target);
    if (zone) zone.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    const zone = zoneOf(event.target) || promptOf(event.target);
    if (zone && !zone.contains(event.relatedTarget)) zone.classList.remove('dragging');
  });
  // Files dropped on the prompt go where the chosen model takes them: a picture to the first
  // frame (or, if that is taken, the reference images), a sound to the soundtrack, a clip to the
  // video to restyle; the References section opens to show them.
  const promptOf = (node) => (node instanceof Element ? node.closest('#prompt') : null);
  const zoneFor = (file) => Array.from(document.querySelectorAll('#generate .drop-zone'))
    .map((zone) => ({ zone, input: inputOf(zone) }))
    .filter(({ input }) => input && accepts(input, file))
    .sort((a, b) => (a.input.files.length > 0) - (b.input.files.length > 0))[0];
  const dropOnPrompt = (prompt, files) => {
    const note = document.getElementById('prompt-drop-note');
    if (note) note.remove();
    const unplaced = [];
    files.forEach((file) => {
      const target = zoneFor(file);
      if (!target) { unplaced.push(file.name); return; }
      const chosen = new DataTransfer();
      if (target.input.multiple) Array.from(target.input.files).forEach((kept) => chosen.items.add(kept));
      chosen.items.add(file);
      target.input.files = chosen.files;
      target.input.dispatchEvent(new Event('change', { bubbles: true }));
      const section = target.zone.closest('details');
      if (section) section.open = true;
    });
    if (unplaced.length > 0) {
      const message = document.createElement('small');
      message.id = 'prompt-drop-note';
      message.className = 'drop-error';
      message.setAttribute('role', 'alert');
      message.textContent = `This model takes no file like ${unplaced.join(', ')}; choose a model that does.`;
      prompt.insertAdjacentElement('afterend', message);
    }
  };

  document.addEventListener('drop', (event) => {
    if (!insideForm(event)) return;
    event.preventDefault();
    const prompt = promptOf(event.target);
    if (prompt) {
      prompt.classList.remove('dragging');
      dropOnPrompt(prompt, Array.from((event.dataTransfer && event.dataTransfer.files) || []));
      return;
    }
    const zone = zoneOf(event.target);
    if (!zone) return;
    zone.classList.remove('dragging');
    const input = inputOf(zone);
    const max = input.multiple ? Number(input.dataset.max || 10) : 1;
    const files = Array.from((event.dataTransfer && event.dataTransfer.files) || []);
    if (files.length === 0) return;
    const refused = files.find((file) => !accepts(input, file));
    if (refused) {
      clear(zone);
      complain(zone, `${refused.name} is not ${zone.dataset.kind || 'a file this field takes'}.`);
      return;
    }
    if (files.length > max) {
      clear(zone);
      complain(zone, `At most ${max} ${max === 1 ? 'file' : 'files'} here.`);
      return;
    }
    const chosen = new DataTransfer();
    files.forEach((file) => chosen.items.add(file));
    input.files = chosen.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
})();
