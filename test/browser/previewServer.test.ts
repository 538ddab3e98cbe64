// The preview server without a browser: its HTTP API, the one-at-a-time calls, saving only what
// succeeded, and the pages' escaping. (Runs with or without Chromium.)
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_SCRIPT, injectBridge } from '../../src/local/preview';
import { cli, openStudio, readBack, type Studio } from './harness';

type Reply = { status: number; body: unknown; saved: boolean };

describe('Preview server', () => {
  let studio: Studio;

  async function call(fn: string, ...args: unknown[]): Promise<Reply> {
    const res = await fetch(`${studio.preview.url}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn, args }),
    });
    return {
      status: res.status,
      body: (await res.json()) as unknown,
      saved: res.headers.get('x-workbook-saved') === '1',
    };
  }
  const fileState = () => ({
    mtime: statSync(studio.workbook).mtimeMs,
    bytes: readFileSync(studio.workbook),
  });

  beforeAll(async () => {
    studio = await openStudio('2016-09-13');
  });
  afterAll(async () => {
    await studio?.close();
  });

  it('serves on 127.0.0.1 only and lists every sidebar on the index page', async () => {
    expect(studio.preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await (await fetch(studio.preview.url)).text();
    for (const s of ['SellPackage', 'AddClient', 'AdHocInvoice', 'ProcessBilling'])
      expect(html).toContain(`href="/sidebar/${s}"`);
    for (const tab of ['Settings', 'Clients', 'Packages', 'Invoices', 'Log'])
      expect(html).toContain(`data-tab="${tab}"`);
    expect(html).toContain('<td>Jane Citizen</td>');
    expect(html).toContain('<td>2016-09-16</td>'); // Settings' Billing Day, a date cell
  });

  it('injects the bridge before the page’s own script', async () => {
    const html = await (await fetch(`${studio.preview.url}sidebar/SellPackage`)).text();
    const bridge = html.indexOf('data-preview-bridge');
    expect(bridge).toBeGreaterThan(0);
    expect(bridge).toBeLessThan(html.indexOf('<script>'));
    expect(html).toContain('https://ssl.gstatic.com/docs/script/css/add-ons1.css');
    expect(injectBridge('<p>x</p>')).toMatch(/^<script data-preview-bridge>/);
    expect(injectBridge('<head></head><body><script>1</script>')).toBe(
      `<head><script data-preview-bridge>${BRIDGE_SCRIPT}</script>\n</head><body><script>1</script>`,
    );
    expect((await fetch(`${studio.preview.url}sidebar/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${studio.preview.url}sidebar/Nope`)).status).toBe(404);
  });

  it('calls a server function with plain data and returns its result', async () => {
    const r = await call('getSellForm');
    expect(r.status).toBe(200);
    expect(r.saved).toBe(false);
    expect(r.body).toMatchObject({ ok: true, value: { today: '2016-09-13', billingDay: '2016-09-16' } });
  });

  it('refuses menu handlers, unknown functions and anything that is not a JSON call', async () => {
    for (const fn of ['onOpen', 'onInstall', 'showSellPackage', 'setUpWorkbookMenu', 'eval', 'constructor']) {
      const r = await call(fn);
      expect(r.status, fn).toBe(400);
      expect((r.body as { error: string }).error, fn).toMatch(/\S/);
    }
    const form = await fetch(`${studio.preview.url}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'fn=addClient',
    });
    expect(form.status).toBe(415);
    const foreign = await fetch(`${studio.preview.url}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: JSON.stringify({ fn: 'getSellForm', args: [] }),
    });
    expect(foreign.status).toBe(403);
    const bad = await fetch(`${studio.preview.url}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"fn":',
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${studio.preview.url}api/call`)).status).toBe(405);
  });

  it('a refused action ({ ok: false }) and a thrown one leave the file exactly as it was', async () => {
    const before = fileState();
    const refused = await call('addClient', { name: '' });
    expect(refused).toMatchObject({ status: 200, saved: false, body: { ok: false, field: 'name' } });
    const thrown = await call('sellPackage', null);
    expect(thrown.status).toBe(500);
    expect((thrown.body as { error: string }).error).toMatch(/\S/);
    expect(fileState()).toEqual(before);
  });

  it('runs calls one at a time and saves each successful change', async () => {
    const names = ['Ann One', 'Ben Two', 'Cat Three', 'Dee Four', 'Eli Five'];
    const replies = await Promise.all(
      names.map((name) => call('addClient', { name, billingMethod: 'Manual' })),
    );
    const ids = replies.map((r) => (r.body as { value: { id: string } }).value.id);
    expect(replies.every((r) => r.status === 200 && r.saved)).toBe(true);
    expect(new Set(ids).size).toBe(5);
    const clients = (await readBack(studio.workbook))('Clients');
    expect(clients.filter((c) => names.includes(String(c.Name))).map((c) => c['Client ID'])).toEqual(
      [...ids].sort(),
    );
  });

  it('reads the file again when something else changed it, and escapes cell text on the pages', async () => {
    const name = '<script>alert("x")</script> & <b>co</b>';
    await cli(['add-client', '--workbook', studio.workbook, '--name', name, '--method', 'Manual']);
    const form = await call('getSellForm');
    const clients = (form.body as { value: { clients: { name: string }[] } }).value.clients;
    expect(clients.map((c) => c.name)).toContain(name);
    for (const path of ['', 'tabs', 'tab/Clients', 'tab/clients']) {
      const res = await fetch(`${studio.preview.url}${path}`);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain(
        '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;co&#60;/b&#62;',
      );
      expect(html, path).not.toContain('<b>co</b>');
    }
    expect((await fetch(`${studio.preview.url}tab/Nope`)).status).toBe(404);
  });
});
