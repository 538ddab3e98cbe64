// The preview's own pages: the index (sidebars + every tab of the workbook) and one tab alone. Cell text
// is user data: it only ever reaches the page through escapeHtml, never as markup.
import type { AppsScriptEmulation } from '../gas';
import { instantToWallClock } from '../gas';
import { CHANGED_MESSAGE } from './bridge';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface TabView {
  name: string;
  hidden: boolean;
  /** Display text per cell, row 1 first. */
  rows: string[][];
  /** Per cell: a number (right-aligned). */
  numeric: boolean[][];
}

/** Dates as YYYY-MM-DD (with the time when it is not midnight), everything else as Sheets shows it. */
function cellText(value: unknown, display: string, zone: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = instantToWallClock(value, zone).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return display;
}

export function readTabs(emu: AppsScriptEmulation): TabView[] {
  const zone = emu.spreadsheet.timeZone;
  return emu.spreadsheet.getSheets().map((sheet) => {
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    const view: TabView = { name: sheet.getName(), hidden: sheet.isSheetHidden(), rows: [], numeric: [] };
    if (lastRow === 0 || lastCol === 0) return view;
    const range = sheet.getRange(1, 1, lastRow, lastCol);
    const values = range.getValues();
    const display = range.getDisplayValues();
    values.forEach((row, r) => {
      view.rows.push(row.map((v, c) => cellText(v, display[r]?.[c] ?? '', zone)));
      view.numeric.push(row.map((v) => typeof v === 'number'));
    });
    return view;
  });
}

export function tabId(name: string): string {
  return `tab-${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
}

export function renderTab(tab: TabView): string {
  const [header = [], ...body] = tab.rows;
  const width = Math.max(0, ...tab.rows.map((r) => r.length));
  const cells = (row: string[], nums: boolean[] | undefined, tag: 'td' | 'th'): string =>
    Array.from({ length: width }, (_, c) => {
      const cls = tag === 'td' && nums?.[c] ? ' class="num"' : '';
      return `<${tag}${cls}>${escapeHtml(row[c] ?? '')}</${tag}>`;
    }).join('');
  const title = `<h2><a href="/tab/${encodeURIComponent(tab.name)}">${escapeHtml(tab.name)}</a>${
    tab.hidden ? ' <span class="muted">(hidden)</span>' : ''
  } <span class="muted">${body.length} row${body.length === 1 ? '' : 's'}</span></h2>`;
  if (!tab.rows.length)
    return `<section class="tab" id="${tabId(tab.name)}" data-tab="${escapeHtml(tab.name)}">${title}<p class="muted">Empty.</p></section>`;
  const head = `<thead><tr><th class="rownum">1</th>${cells(header, undefined, 'th')}</tr></thead>`;
  const rows = body
    .map((row, i) => `<tr><th class="rownum">${i + 2}</th>${cells(row, tab.numeric[i + 1], 'td')}</tr>`)
    .join('\n');
  return `<section class="tab" id="${tabId(tab.name)}" data-tab="${escapeHtml(tab.name)}">${title}
<div class="scroll"><table class="sheet"><caption class="sr-only">${escapeHtml(tab.name)}</caption>${head}<tbody>
${rows}
</tbody></table></div></section>`;
}

/** Every tab: the fragment the index page shows and reloads after a change. */
export function renderTabs(tabs: TabView[]): string {
  const nav = tabs.map((t) => `<a href="#${tabId(t.name)}">${escapeHtml(t.name)}</a>`).join(' · ');
  return `<nav class="tabnav">${nav}</nav>\n${tabs.map(renderTab).join('\n')}`;
}

const STYLE = `
body { font-family: Arial, sans-serif; font-size: 13px; color: #202124; margin: 0; }
header { padding: 8px 16px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
header h1 { font-size: 16px; margin: 0 0 4px; }
.muted { color: #5f6368; font-weight: normal; font-size: 12px; }
.layout { display: flex; align-items: flex-start; gap: 16px; padding: 12px 16px; }
.side { flex: 0 0 302px; position: sticky; top: 0; }
.side nav a { display: inline-block; margin: 0 8px 4px 0; }
.side nav a[aria-current="page"] { font-weight: bold; }
iframe.sidebar-frame { width: 300px; height: calc(100vh - 110px); min-height: 480px; border: 1px solid #dadce0; background: #fff; }
.tabs { flex: 1 1 auto; min-width: 0; }
.tabnav { margin-bottom: 8px; }
h2 { font-size: 14px; margin: 16px 0 6px; }
.scroll { overflow-x: auto; }
table.sheet { border-collapse: collapse; font-size: 12px; }
table.sheet th, table.sheet td { border: 1px solid #dadce0; padding: 2px 6px; white-space: nowrap; text-align: left; vertical-align: top; }
table.sheet thead th { background: #f1f3f4; }
table.sheet th.rownum { background: #f8f9fa; color: #5f6368; font-weight: normal; text-align: right; }
table.sheet td.num { text-align: right; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

// Loads a sidebar into the frame (remembered in the URL's #hash) and reloads the tables after a saved change.
const INDEX_SCRIPT = `
(function () {
  var frame = document.querySelector('iframe.sidebar-frame');
  var links = document.querySelectorAll('a[data-sidebar]');
  function show(name) {
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute('data-sidebar') === name) links[i].setAttribute('aria-current', 'page');
      else links[i].removeAttribute('aria-current');
    }
    frame.src = '/sidebar/' + encodeURIComponent(name);
  }
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener('click', function (e) {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      var name = this.getAttribute('data-sidebar');
      history.replaceState(null, '', '#' + name);
      show(name);
    });
  }
  var wanted = decodeURIComponent(location.hash.slice(1));
  var first = links.length ? links[0].getAttribute('data-sidebar') : null;
  for (var j = 0; j < links.length; j++) if (links[j].getAttribute('data-sidebar') === wanted) first = wanted;
  if (first) show(first);
  var tabs = document.getElementById('tabs');
  var pending = false;
  function reloadTabs() {
    if (pending) return;
    pending = true;
    fetch('/tabs').then(function (r) {
      return r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status));
    }).then(function (html) {
      tabs.innerHTML = html; /* built on the server with every cell escaped */
      tabs.setAttribute('data-updated', String(Date.now()));
    }).catch(function (e) {
      console.error('Could not reload the tabs:', e);
    }).then(function () { pending = false; });
  }
  window.addEventListener('message', function (e) {
    if (e.origin === location.origin && e.data && e.data.type === ${JSON.stringify(CHANGED_MESSAGE)}) reloadTabs();
  });
  document.getElementById('reload-tabs').addEventListener('click', reloadTabs);
})();
`;

export function humanName(sidebar: string): string {
  return sidebar.replace(/([a-z])([A-Z])/g, '$1 $2');
}

export function renderIndex(opts: {
  workbook: string;
  today?: string;
  sidebars: string[];
  tabs: TabView[];
}): string {
  const links = opts.sidebars
    .map(
      (s) =>
        `<a href="/sidebar/${encodeURIComponent(s)}" data-sidebar="${escapeHtml(s)}" target="sidebar">${escapeHtml(humanName(s))}</a>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Studio Ledger preview</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Studio Ledger preview</h1>
<div class="muted">Workbook <code>${escapeHtml(opts.workbook)}</code>${
    opts.today ? ` · today is ${escapeHtml(opts.today)}` : ''
  } · the sidebars run the real add-in (dist/Code.js) on it. <button type="button" id="reload-tabs">Reload tables</button></div>
</header>
<div class="layout">
<div class="side">
<nav aria-label="Sidebars">
${links}
</nav>
<iframe class="sidebar-frame" name="sidebar" title="Sidebar" src="about:blank"></iframe>
</div>
<main class="tabs" id="tabs">
${renderTabs(opts.tabs)}
</main>
</div>
<script>${INDEX_SCRIPT}</script>
</body>
</html>
`;
}

export function renderTabPage(tab: TabView, workbook: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>${escapeHtml(tab.name)} · Studio Ledger preview</title>
<style>${STYLE} body { padding: 0 16px 16px; }</style>
</head>
<body>
<p class="muted"><a href="/">All tabs and sidebars</a> · <code>${escapeHtml(workbook)}</code></p>
${renderTab(tab)}
</body>
</html>
`;
}

export function renderMessage(status: number, title: string, text: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>${status} ${escapeHtml(title)}</title><style>${STYLE} body { padding: 16px; }</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/">Studio Ledger preview</a></p></body></html>
`;
}
