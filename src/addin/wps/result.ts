import './polyfills';

/** The dialog the ribbon's 校验 opens (Application.ShowDialog): the title and sentence from the query. */
const q = new URLSearchParams(window.location.search);
const set = (id: string, text: string) => {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
};
set('title', q.get('title') ?? '自评表校验');
set('text', q.get('text') ?? '');
document.body.dataset.kind = q.get('kind') ?? 'info';
document.getElementById('close')?.addEventListener('click', () => window.close());
