// Armoniza map page: date slider with year ticks and a play button, re-colouring from /api/status without a reload,
// the date kept in the URL, tooltips on hover and keyboard focus, and in-place table sorting. The page works without
// this script (form + links); this only makes it quicker. No data is ever inserted as HTML except the server-rendered,
// already-escaped fragment from /partials/status (same origin).

const DAY = 86400000;
const root = document.documentElement;
root.classList.add('js');

const map = document.getElementById('status-map');
const tooltip = document.getElementById('map-tooltip');
const slider = document.getElementById('date-slider');
const lang = document.body.dataset.lang || 'es';
const palette = map ? JSON.parse(map.dataset.palette || '{}') : {};

const toDays = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / DAY);
const toIso = (days) => new Date(days * DAY).toISOString().slice(0, 10);

// ——— tooltips ———
function entityOf(target) {
  return target && target.closest ? target.closest('a.entity') : null;
}

function showTip(a, x, y) {
  if (!tooltip || !a) return;
  tooltip.replaceChildren();
  const name = document.createElement('strong');
  name.textContent = a.dataset.name || '';
  const status = document.createElement('span');
  status.textContent = a.dataset.statusLabel + (a.dataset.sinceLabel ? ' · ' + a.dataset.sinceLabel : '');
  tooltip.append(name, status);
  if (a.dataset.undated) {
    const u = document.createElement('div');
    u.className = 'tip-undated';
    u.textContent = a.dataset.undated;
    tooltip.append(u);
  }
  const box = map.parentElement.getBoundingClientRect();
  if (x === undefined) {
    const r = a.getBoundingClientRect();
    x = r.left + r.width / 2;
    y = r.top + r.height / 3;
  }
  tooltip.style.left = Math.max(80, Math.min(box.width - 80, x - box.left)) + 'px';
  tooltip.style.top = Math.max(40, y - box.top) + 'px';
  tooltip.hidden = false;
  for (const el of map.querySelectorAll('a.entity.is-active')) el.classList.remove('is-active');
  a.classList.add('is-active');
}

function hideTip() {
  if (tooltip) tooltip.hidden = true;
  if (map) for (const el of map.querySelectorAll('a.entity.is-active')) el.classList.remove('is-active');
}

if (map) {
  // The native <title> tooltips are for readers without this script; ours replace them.
  for (const t of map.querySelectorAll('a.entity > title')) t.remove();
  map.addEventListener('mousemove', (e) => {
    const a = entityOf(e.target);
    if (a) showTip(a, e.clientX, e.clientY);
    else hideTip();
  });
  map.addEventListener('mouseleave', hideTip);
  map.addEventListener('focusin', (e) => showTip(entityOf(e.target)));
  map.addEventListener('focusout', hideTip);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideTip();
  });
}

/** Copies each table row's labels (server-formatted, in the page language) onto the map's links. */
function syncLabels() {
  if (!map) return;
  const rows = new Map([...document.querySelectorAll('#status-table tbody tr[data-id]')].map((tr) => [tr.dataset.id, tr]));
  for (const a of map.querySelectorAll('a.entity[data-id]')) {
    const tr = rows.get(a.dataset.id);
    if (!tr) continue;
    a.dataset.statusLabel = tr.dataset.statusLabel || '';
    a.dataset.sinceLabel = tr.dataset.sinceLabel || '';
    if (tr.dataset.undated) a.dataset.undated = tr.closest('table').dataset.undatedText || '';
    else delete a.dataset.undated;
    const parts = [a.dataset.name, a.dataset.sinceLabel ? a.dataset.statusLabel + ' (' + a.dataset.sinceLabel + ')' : a.dataset.statusLabel];
    if (a.dataset.undated) parts.push(a.dataset.undated);
    a.setAttribute('aria-label', parts.join(' — '));
  }
}
syncLabels();

// ——— table sorting in place ———
function sortTable(key, dir) {
  const table = document.getElementById('status-table');
  if (!table) return;
  const body = table.tBodies[0];
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const rows = [...body.rows];
  rows.sort((a, b) => {
    let c = 0;
    if (key === 'status') c = Number(a.dataset.rank) - Number(b.dataset.rank);
    if (key === 'since') c = (a.dataset.since || '9999').localeCompare(b.dataset.since || '9999');
    return c || collator.compare(a.dataset.name, b.dataset.name);
  });
  if (dir === 'desc') rows.reverse();
  body.append(...rows);
  table.dataset.sort = key;
  table.dataset.dir = dir;
  for (const th of table.tHead.querySelectorAll('th[data-sort-key]')) {
    const active = th.dataset.sortKey === key;
    th.setAttribute('aria-sort', active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    const arrow = th.querySelector('.sort-arrow');
    if (arrow) arrow.textContent = active ? (dir === 'asc' ? '▲' : '▼') : '↕';
  }
}

document.addEventListener('click', (e) => {
  const link = e.target.closest && e.target.closest('#status-table .sort-link');
  if (!link) return;
  e.preventDefault();
  const th = link.closest('th');
  const table = document.getElementById('status-table');
  const key = th.dataset.sortKey;
  const dir = table.dataset.sort === key && table.dataset.dir === 'asc' ? 'desc' : 'asc';
  sortTable(key, dir);
  const url = new URL(location.href);
  url.searchParams.set('sort', key);
  url.searchParams.set('dir', dir);
  history.replaceState(null, '', url);
});

// ——— date slider ———
if (slider && map) {
  const range = document.getElementById('date-range');
  const input = document.getElementById('asof-input');
  const play = document.getElementById('play-button');
  const status = slider.querySelector('.slider-status');
  const years = slider.querySelector('.slider-years');
  const ticks = document.getElementById('year-ticks');
  const start = toDays(slider.dataset.start);
  const end = toDays(slider.dataset.end);
  range.min = '0';
  range.max = String(end - start);
  range.step = '1';
  range.value = String(Math.min(end, Math.max(start, toDays(input.value))) - start);
  slider.hidden = false;

  const firstYear = Number(slider.dataset.start.slice(0, 4));
  const lastYear = Number(slider.dataset.end.slice(0, 4));
  const every = window.matchMedia('(max-width: 640px)').matches ? 10 : 5;
  for (let y = firstYear; y <= lastYear; y++) {
    const offset = toDays(y + '-01-01') - start;
    const option = document.createElement('option');
    option.value = String(offset);
    ticks.append(option);
    if (y % every === 0) {
      const span = document.createElement('span');
      span.textContent = String(y);
      span.style.left = (offset / (end - start)) * 100 + '%';
      years.append(span);
    }
  }

  const dateOfRange = () => toIso(start + Number(range.value));
  const fmt = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const label = (iso) => fmt.format(new Date(iso + 'T00:00:00Z'));

  let seq = 0;
  let timer = 0;

  async function update(iso) {
    const mine = ++seq;
    document.body.classList.add('is-updating');
    const table = document.getElementById('status-table');
    const sort = table ? table.dataset.sort : 'name';
    const dir = table ? table.dataset.dir : 'asc';
    try {
      const [json, html] = await Promise.all([
        fetch('/api/status?asOf=' + iso + '&lang=' + lang + '&federation=' + encodeURIComponent(slider.dataset.federation)).then((r) => (r.ok ? r.json() : Promise.reject(r.status))),
        fetch('/partials/status?asOf=' + iso + '&lang=' + lang + '&sort=' + sort + '&dir=' + dir).then((r) => (r.ok ? r.text() : Promise.reject(r.status))),
      ]);
      if (mine !== seq) return;
      recolour(json);
      swapParts(html);
      syncLabels();
      afterDate(iso);
      status.textContent = '';
    } catch {
      if (mine === seq) status.textContent = slider.dataset.failed;
    } finally {
      if (mine === seq) document.body.classList.remove('is-updating');
    }
  }

  function recolour(json) {
    if (!map) return;
    for (const j of json.jurisdictions) {
      const path = map.querySelector('path[data-id="' + CSS.escape(j.id) + '"]');
      if (path) {
        path.dataset.status = j.status;
        path.setAttribute('fill', palette[j.status] || palette.unknown);
      }
      const marker = map.querySelector('.undated-marker[data-for="' + CSS.escape(j.id) + '"]');
      if (marker) marker.setAttribute('visibility', j.undated ? 'visible' : 'hidden');
    }
  }

  function swapParts(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const part of doc.querySelectorAll('[data-slot]')) {
      const here = document.querySelector('[data-slot="' + part.dataset.slot + '"]');
      if (here) here.replaceChildren(...[...part.childNodes].map((n) => document.importNode(n, true)));
    }
  }

  function afterDate(iso) {
    input.value = iso;
    const url = new URL(location.href);
    url.searchParams.set('asOf', iso);
    history.replaceState(null, '', url);
    for (const a of document.querySelectorAll('a[data-href-template]')) a.href = a.dataset.hrefTemplate + '?asOf=' + iso + '&lang=' + lang;
    const embed = document.getElementById('embed-code');
    if (embed) embed.value = embed.value.replace(/asOf=\d{4}-\d{2}-\d{2}/, 'asOf=' + iso);
    const title = document.getElementById('status-map-title');
    const asof = document.getElementById('asof-text');
    if (title && asof && asof.dataset.mapTitle) title.textContent = asof.dataset.mapTitle;
  }

  range.addEventListener('input', () => {
    const iso = dateOfRange();
    range.setAttribute('aria-valuetext', label(iso));
    status.textContent = label(iso);
    clearTimeout(timer);
    timer = setTimeout(() => update(iso), 140);
  });

  input.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value)) return;
    const d = Math.min(end, Math.max(start, toDays(input.value)));
    range.value = String(d - start);
    range.setAttribute('aria-valuetext', label(toIso(d)));
    update(toIso(d));
  });
  input.closest('form').addEventListener('submit', (e) => {
    e.preventDefault();
    input.dispatchEvent(new Event('change'));
  });

  // Play: one step per year (1 January), from the current year or from the start when at the end.
  let playing = 0;
  const setPlaying = (on) => {
    play.setAttribute('aria-pressed', on ? 'true' : 'false');
    play.querySelector('.play-text').textContent = on ? slider.dataset.pause : slider.dataset.play;
    play.querySelector('.play-icon').textContent = on ? '❚❚' : '▶';
  };
  function stop() {
    clearInterval(playing);
    playing = 0;
    setPlaying(false);
  }
  play.addEventListener('click', () => {
    if (playing) return stop();
    let year = Number(dateOfRange().slice(0, 4)) + 1;
    if (year > lastYear) year = firstYear;
    const step = () => {
      if (year > lastYear) {
        range.value = String(end - start);
        update(slider.dataset.end);
        return stop();
      }
      range.value = String(toDays(year + '-01-01') - start);
      range.setAttribute('aria-valuetext', label(year + '-01-01'));
      update(year + '-01-01');
      year++;
    };
    setPlaying(true);
    step();
    playing = setInterval(step, 1100);
  });
  range.addEventListener('pointerdown', () => playing && stop());
}
