/**
 * The dialog the ribbon's 校验 opens to say what it found (Excel on the web supports dialogs from
 * a function command; a function command has no UI of its own). It shows the title and sentence
 * from the query string and closes on 关闭.
 */
Office.onReady(() => {
  const q = new URLSearchParams(window.location.search);
  const set = (id: string, text: string) => {
    const el = document.getElementById(id);
    if (el) el.textContent = text;
  };
  set('title', q.get('title') ?? '自评表校验');
  set('text', q.get('text') ?? '');
  document.body.dataset.kind = q.get('kind') ?? 'info';
  document
    .getElementById('close')
    ?.addEventListener('click', () => Office.context.ui.messageParent('close'));
});
