// annalist page: filters -> /api/counts (timeline), /api/events (table and map);
// an event -> its mentions; a mention -> its article with source, verb and target marked.
// Vanilla JS, no external requests; text is inserted with textContent only (never HTML).
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const FILTER_NAMES = ['from', 'to', 'country', 'actor', 'root', 'code', 'plover', 'quad', 'q'];
const state = { offset: 0, limit: 50, nextOffset: null, events: [], world: null };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, text) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function setStatus(message, isError) {
  const status = $('status');
  status.textContent = message;
  status.className = isError ? 'error' : '';
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  let body;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(`${response.status}: ${message}`);
  }
  return body;
}

function filterParams() {
  const form = $('filters');
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, name === 'country' || name === 'actor' ? value.toUpperCase() : value);
  }
  return params;
}

// ---- timeline ----

async function loadTimeline() {
  const params = filterParams();
  const by = $('filters').elements.by.value;
  params.set('by', by);
  $('timeline-unit').textContent = by;
  const data = await getJson('/api/counts?' + params);
  drawTimeline(data.counts, by);
}

function drawTimeline(counts, by) {
  const svg = $('timeline');
  svg.replaceChildren();
  const width = 600, height = 260, left = 34, bottom = 22, top = 8;
  if (!counts.length) {
    svg.append(el('svg:text', { x: width / 2, y: height / 2, 'text-anchor': 'middle' }, 'no events'));
    return;
  }
  const max = Math.max(...counts.map(c => c.events));
  const step = (width - left - 4) / counts.length;
  const scale = (height - bottom - top) / max;
  svg.append(el('svg:line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom }));
  svg.append(el('svg:text', { x: left - 4, y: top + 8, 'text-anchor': 'end' }, max));
  svg.append(el('svg:text', { x: left - 4, y: height - bottom, 'text-anchor': 'end' }, 0));
  counts.forEach((row, index) => {
    const barHeight = Math.max(1, row.events * scale);
    const bar = el('svg:rect', {
      class: 'bar', x: left + index * step + step * 0.1, y: height - bottom - barHeight,
      width: Math.max(1, step * 0.8), height: barHeight, 'data-period': row.period,
    });
    bar.append(el('svg:title', {}, `${row.period}: ${row.events} events, Goldstein sum ${row.goldstein}`));
    svg.append(bar);
  });
  const labels = counts.length <= 12 ? counts.map((c, i) => i) : [0, Math.floor(counts.length / 2), counts.length - 1];
  for (const index of labels) {
    svg.append(el('svg:text', { x: left + (index + 0.5) * step, y: height - 6, 'text-anchor': 'middle' },
                  counts[index].period));
  }
}

// ---- map ----

// Decodes a TopoJSON object's geometries into rings of [lon, lat] (our own small decoder
// of the quantised, delta-encoded arcs of world-atlas).
function topoRings(topology, object) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = indexes => {
    const points = [];
    for (const index of indexes) {
      const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  return object.geometries.map(geometry => {
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs]
                   : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    return { id: geometry.id, name: (geometry.properties || {}).name, rings: polygons.flatMap(p => p.map(ring)) };
  });
}

function project([lon, lat]) { return [(lon + 180) * 2, (90 - lat) * 2]; }

function ringPath(points) {
  let path = '';
  let previous = null;
  for (const point of points) {
    const [x, y] = project(point);
    // A jump across the antimeridian starts a new sub-path instead of a streak.
    const jump = previous === null || Math.abs(point[0] - previous[0]) > 180;
    path += (jump ? 'M' : 'L') + x.toFixed(1) + ' ' + y.toFixed(1);
    previous = point;
  }
  return path + 'Z';
}

async function loadWorld() {
  const countries = new Map();  // alpha-3 -> {path element, centre [lon, lat]}
  try {
    const [topology, iso] = await Promise.all([getJson('/world.json'), getJson('/iso3166.json')]);
    const alpha3 = new Map(iso['3166-1'].map(c => [c.numeric, c.alpha_3]));
    for (const country of topoRings(topology, topology.objects.countries)) {
      const code = alpha3.get(country.id) || country.id;
      let largest = [];
      for (const ring of country.rings) if (ring.length > largest.length) largest = ring;
      const lons = largest.map(p => p[0]), lats = largest.map(p => p[1]);
      const centre = largest.length ? [(Math.min(...lons) + Math.max(...lons)) / 2,
                                       (Math.min(...lats) + Math.max(...lats)) / 2] : null;
      countries.set(code, { rings: country.rings, name: country.name, centre });
    }
    $('map-note').textContent = '';
  } catch (error) {
    $('map-note').textContent = '(no outlines embedded: plain longitude/latitude grid)';
  }
  state.world = countries;
}

function drawMap(events) {
  const svg = $('map');
  svg.replaceChildren(el('svg:rect', { class: 'sea', x: 0, y: 0, width: 720, height: 360 }));
  for (let lon = -180; lon <= 180; lon += 30) {
    svg.append(el('svg:path', { class: 'graticule', d: `M${(lon + 180) * 2} 0V360` }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    svg.append(el('svg:path', { class: 'graticule', d: `M0 ${(90 - lat) * 2}H720` }));
  }
  const located = new Map();  // "lon,lat" -> {point, events, label}
  for (const event of events) {
    const location = event.location;
    if (!location) continue;
    let point = null, label = location.text || location.code;
    if (location.lat !== null && location.lon !== null) {
      point = [location.lon, location.lat];
    } else if (location.code && state.world.has(location.code)) {
      point = state.world.get(location.code).centre;
    }
    if (!point) continue;
    const key = point.join(',');
    if (!located.has(key)) located.set(key, { point, count: 0, label, code: location.code });
    located.get(key).count++;
  }
  const hit = new Set([...located.values()].map(l => l.code));
  for (const [code, country] of state.world) {
    const path = el('svg:path', { class: hit.has(code) ? 'land hit' : 'land', d: country.rings.map(ringPath).join(''),
                                  'data-code': code });
    path.append(el('svg:title', {}, country.name || code));
    svg.append(path);
  }
  for (const place of located.values()) {
    const [x, y] = project(place.point);
    const dot = el('svg:circle', { class: 'dot', cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 2 * Math.sqrt(place.count)).toFixed(1) });
    dot.append(el('svg:title', {}, `${place.label}: ${place.count} event(s) on this page`));
    svg.append(dot);
  }
  $('map-note').textContent = `${[...located.values()].reduce((n, p) => n + p.count, 0)} of ${events.length} events on this page located`;
}

// ---- events table ----

async function loadEvents() {
  const params = filterParams();
  params.set('limit', state.limit);
  params.set('offset', state.offset);
  params.set('total', '1');
  const data = await getJson('/api/events?' + params);
  state.events = data.events;
  state.nextOffset = data.next_offset;
  const body = $('events').tBodies[0];
  body.replaceChildren();
  for (const event of data.events) {
    const row = el('tr', { 'data-id': event.id });
    const place = event.location ? (event.location.text || event.location.code || '') : '';
    const cells = [event.date || '', event.source || '', event.code, event.plover || '', event.target || '',
                   event.quad_class || '', place, event.mention_count, event.sentence || ''];
    cells.forEach((value, index) => {
      const cell = el('td', {}, value);
      if (index === 5 && event.quad_class) cell.className = 'quad' + event.quad_class;
      if (index === 8) cell.className = 'sentence';
      row.append(cell);
    });
    row.addEventListener('click', () => openEvent(event.id, row));
    body.append(row);
  }
  $('page-note').textContent = data.events.length
      ? `${state.offset + 1}–${state.offset + data.events.length} of ${data.total}` : 'none';
  $('prev').disabled = state.offset === 0;
  $('next').disabled = data.next_offset === null;
  drawMap(data.events);
}

async function openEvent(id, row) {
  for (const other of $('events').tBodies[0].rows) other.classList.remove('selected');
  if (row) row.classList.add('selected');
  try {
    const event = await getJson('/api/events/' + encodeURIComponent(id));
    $('event-title').textContent = `${event.source || '—'} ${event.code} ${event.target || '—'} (${event.date || 'no date'})`;
    const list = $('mentions');
    list.replaceChildren();
    for (const mention of event.mentions) {
      const item = el('li');
      const link = el('a', { 'data-article': mention.article_id }, mention.article_id);
      link.addEventListener('click', () => openArticle(mention.article_id, mention));
      item.append(link, ` sentence ${mention.sentence_index}: `, mention.sentence ? mention.sentence.text : '',
                  el('span', { class: 'rule' }, mention.rule || ''));
      list.append(item);
    }
    $('event-panel').hidden = false;
    if (event.mentions.length) await openArticle(event.mentions[0].article_id, event.mentions[0]);
  } catch (error) {
    setStatus(error.message, true);
  }
}

// ---- article view ----

// Splits `text` at UTF-8 byte spans and marks them: spans from the API are byte offsets.
function markedText(text, marks) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  const valid = marks.filter(m => m.span && m.span[0] < m.span[1] && m.span[1] <= bytes.length);
  for (const mark of valid) { cuts.add(mark.span[0]); cuts.add(mark.span[1]); }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; ++i) {
    const [begin, end] = [points[i], points[i + 1]];
    const piece = decoder.decode(bytes.subarray(begin, end));
    const mark = valid.find(m => m.span[0] <= begin && end <= m.span[1]);
    fragment.append(mark ? el('mark', { class: mark.kind, title: mark.title }, piece) : document.createTextNode(piece));
  }
  return fragment;
}

function mentionMarks(mention) {
  const marks = [];
  if (mention.verb) marks.push({ kind: 'verb', span: mention.verb.span, title: `verb, code ${mention.code}` });
  if (mention.source_actor) marks.push({ kind: 'src', span: mention.source_actor.span, title: `source ${mention.source || ''}` });
  if (mention.target_actor) marks.push({ kind: 'tgt', span: mention.target_actor.span, title: `target ${mention.target || ''}` });
  return marks;
}

async function openArticle(id, selected) {
  try {
    const article = await getJson('/api/articles/' + encodeURIComponent(id));
    $('article-title').textContent = article.title || article.id;
    $('article-meta').textContent = [article.publisher, article.published, article.url, `id ${article.id}`]
        .filter(Boolean).join(' · ');
    const same = m => selected && m.sentence_index === selected.sentence_index && m.code === selected.code &&
                      m.verb && selected.verb && m.verb.span[0] === selected.verb.span[0];
    const current = article.mentions.find(same) || article.mentions[0];
    showMention(article, current);
    $('article-panel').hidden = false;
  } catch (error) {
    setStatus(error.message, true);
  }
}

function showMention(article, current) {
  $('article-text').replaceChildren(markedText(article.text, current ? mentionMarks(current) : []));
  $('article-rule').textContent = current ? `rule ${current.rule || 'unknown'} · ${current.source || '—'} ` +
      `${current.code} ${current.target || '—'}` : 'no coded events';
  const list = $('article-mentions');
  list.replaceChildren();
  for (const mention of article.mentions) {
    const item = el('li', mention === current ? { class: 'current' } : {});
    const link = el('a', {}, `${mention.source || '—'} ${mention.code} ${mention.target || '—'}`);
    link.addEventListener('click', () => showMention(article, mention));
    item.append(link, ` · sentence ${mention.sentence_index} · `, el('span', { class: 'rule' }, mention.rule || ''));
    list.append(item);
  }
  const first = $('article-text').querySelector('mark');
  if (first) first.scrollIntoView({ block: 'nearest' });
}

// ---- wiring ----

async function refresh() {
  setStatus('loading…');
  try {
    await Promise.all([loadTimeline(), loadEvents()]);
    setStatus('');
    document.body.dataset.ready = String(Date.now());
  } catch (error) {
    setStatus(error.message, true);
  }
}

async function init() {
  try {
    const meta = await getJson('/api/meta');
    const form = $('filters');
    for (const root of meta.roots || []) form.elements.root.append(el('option', { value: root.code }, `${root.code} ${root.name}`));
    for (const type of meta.plover || []) form.elements.plover.append(el('option', { value: type }, type));
    if (meta.limits) state.limit = Math.min(50, meta.limits.max_page);
  } catch (error) {
    setStatus(error.message, true);
  }
  await loadWorld();
  $('filters').addEventListener('submit', event => { event.preventDefault(); state.offset = 0; refresh(); });
  $('filters').addEventListener('reset', () => setTimeout(() => { state.offset = 0; refresh(); }, 0));
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents(); });
  $('next').addEventListener('click', () => { if (state.nextOffset !== null) { state.offset = state.nextOffset; loadEvents(); } });
  $('timeline').addEventListener('click', event => {
    const period = event.target.getAttribute && event.target.getAttribute('data-period');
    if (period && /^\d{4}-\d{2}-\d{2}$/.test(period)) {
      $('filters').elements.from.value = period;
      $('filters').elements.to.value = period;
      state.offset = 0;
      refresh();
    }
  });
  await refresh();
}

init();
