// Armoniza timelines: draws each mermaid source on the page with the mermaid ESM bundle served by this site (no CDN),
// and wires the "copy the Mermaid source" buttons. Without this script the page shows the same facts as a list and the
// source in a <pre>.

const blocks = [...document.querySelectorAll('.mermaid-render[data-source]')];

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector('.copy-status');
    try {
      await navigator.clipboard.writeText(source.textContent);
      status.textContent = button.dataset.copied;
    } catch {
      const details = source.closest('details');
      if (details) details.open = true;
      const range = document.createRange();
      range.selectNodeContents(source);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = button.dataset.copyFailed;
    }
    setTimeout(() => (status.textContent = ''), 4000);
  });
}

if (blocks.length) {
  const url = blocks[0].closest('[data-mermaid]').dataset.mermaid;
  const { default: mermaid } = await import(url);
  const font = getComputedStyle(document.body).fontFamily;
  const tints = ['#e9eaf5', '#e3f1ee', '#eef5e3', '#fdf6d8', '#e6eef6', '#f3e9f1'];
  const themeVariables = { fontFamily: font, fontSize: '14px', primaryTextColor: '#1b1f24', lineColor: '#6b7280' };
  for (let i = 0; i < 12; i++) {
    themeVariables['cScale' + i] = tints[i % tints.length];
    themeVariables['cScaleLabel' + i] = '#1b1f24';
    themeVariables['cScaleInv' + i] = '#414487';
  }
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'base', themeVariables, timeline: { disableMulticolor: false, padding: 8 } });
  let n = 0;
  for (const el of blocks) {
    const source = document.getElementById(el.dataset.source).textContent;
    try {
      const { svg } = await mermaid.render('mermaid-svg-' + n++, source);
      // mermaid's own output, sanitized by mermaid (securityLevel strict); the facts inside were escaped on the server.
      el.innerHTML = svg;
      // Natural size, scrolled sideways when wider than the page, rather than shrunk to illegible text.
      const drawn = el.querySelector('svg');
      const box = drawn && drawn.viewBox && drawn.viewBox.baseVal;
      if (box && box.width) {
        drawn.setAttribute('width', String(Math.ceil(box.width)));
        drawn.setAttribute('height', String(Math.ceil(box.height)));
      }
      el.dataset.rendered = 'true';
    } catch (error) {
      el.dataset.rendered = 'error';
      el.querySelector('.mermaid-pending')?.remove();
      console.warn('mermaid could not draw this timeline', error);
    }
  }
}
