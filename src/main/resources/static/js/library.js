// The library grid. A finished video plays, muted, while a mouse rests on its tile: its file is
// asked for on the first hover only (preload="none"), and never on touch screens or when the
// visitor asked for less motion. Choosing a state, an order or "Favourites" applies at once.
(() => {
  const canHover = window.matchMedia('(hover: hover) and (pointer: fine)');
  const lessMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  const tileOf = (event) => {
    const preview = event.target.closest && event.target.closest('.item-card a.preview');
    // moving between the poster and the badge inside one tile is not leaving it
    if (!preview || preview.contains(event.relatedTarget)) return null;
    const video = preview.querySelector('video.hover-play');
    return video ? { preview, video } : null;
  };

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'mouse' || !canHover.matches || lessMotion.matches) return;
    const tile = tileOf(event);
    if (!tile) return;
    const { preview, video } = tile;
    if (!video.getAttribute('src')) {
      video.src = video.dataset.src;
    }
    video.muted = true;
    video.onplaying = () => preview.classList.add('playing');
    // a pointer that left before the first frame turns play() into a rejected promise: nothing to do
    video.play().catch(() => {});
  });

  document.addEventListener('pointerout', (event) => {
    const tile = tileOf(event);
    if (!tile) return;
    tile.video.pause();
    tile.preview.classList.remove('playing');
  });

  document.addEventListener('change', (event) => {
    const form = event.target.closest && event.target.closest('form.lib-filters');
    if (form && event.target.matches('select[name=status], select[name=sort], input[name=favourites]')) {
      form.requestSubmit();
    }
  });
})();
