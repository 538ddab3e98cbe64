// `npm run preview`: every sidebar of dist/ served on 127.0.0.1 with a google.script.run bridge to the
// real server functions (dist/Code.js) running on a local .xlsx workbook, and an index page showing the
// sidebars next to every tab of the workbook.
//
//   GET  /                  sidebars (in a 300 px frame) and every tab as a table
//   GET  /sidebar/<Name>    dist/<Name>.html with the bridge injected before its own script
//   GET  /tabs              the tables alone (the index page reloads them after a saved change)
//   GET  /tab/<name>        one tab
//   POST /api/call          { fn, args } -> the function's return value as JSON; 400 for an unknown or
//                           UI-only function, 500 { error } when it threw (the workbook is then unchanged)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import { distDir } from '../runtime';
import { CALL_PATH, injectBridge, SAVED_HEADER } from './bridge';
import { readTabs, renderIndex, renderMessage, renderTabPage, renderTabs } from './pages';
import { CallRefused, WorkbookHost } from './workbook';
import { withWorkbookLock, WorkbookBusy } from '../workbookLock';

export interface PreviewOptions {
  /** The .xlsx workbook (must exist). */
  workbook: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where Code.js and the sidebar HTML files are (default: dist, or $STUDIO_LEDGER_DIST). */
  dist?: string;
  /** YYYY-MM-DD: the date the add-in counts as today (default: the real date). */
  today?: string;
  /** One line per request worth telling (server calls, errors). */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The order people look for them in; anything else follows alphabetically. */
const ORDER = ['SellPackage', 'AddClient', 'AdHocInvoice', 'ProcessBilling', 'Reconcile', 'Outstanding'];

export function listSidebars(dist: string): string[] {
  const rank = (n: string): number => {
    const i = ORDER.indexOf(n);
    return i < 0 ? ORDER.length : i;
  };
  return readdirSync(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => basename(f, '.html'))
    .filter((n) => /^[A-Za-z0-9_-]+$/.test(n))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'The request is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, 'application/json', JSON.stringify(value ?? null), headers);
}

function checkDate(today: string | undefined): void {
  if (today === undefined) return;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!d || d.toISOString().slice(0, 10) !== today)
    throw new Error(`--today ${today}: use a date as YYYY-MM-DD`);
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const dist = opts.dist ?? distDir();
  const workbook = resolve(opts.workbook);
  const log = opts.log ?? ((): void => undefined);
  checkDate(opts.today);
  if (!existsSync(workbook))
    throw new Error(
      `No workbook at ${opts.workbook}. Make the demo one with \`npm start\`, or a new one with \`npx studio-ledger init --workbook ${opts.workbook} --demo\`.`,
    );
  if (!existsSync(`${dist}/Code.js`)) throw new Error(`No ${dist}/Code.js: run \`npm run build\` first.`);
  const host = new WorkbookHost({ workbook, dist, today: opts.today });
  // Each request holds the workbook's file lock around its read and save, as a CLI command does, so the
  // preview and a command line never save over each other.
  const locked = async <T>(job: () => Promise<T>): Promise<T> => {
    try {
      return await withWorkbookLock(workbook, job, { label: opts.workbook });
    } catch (e) {
      if (e instanceof WorkbookBusy) throw new HttpError(503, e.message);
      throw e;
    }
  };
  const readTabsLocked = () => locked(() => host.read(readTabs));
  let port = 0;

  // Only this server's own pages may talk to it: a page elsewhere cannot reach it through DNS rebinding
  // (Host) nor post a form to it (Origin, and JSON only).
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  async function apiCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin))
      throw new HttpError(403, 'Calls come from the preview pages only.');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      throw new HttpError(415, 'POST the call as application/json: { "fn": "name", "args": [] }.');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(400, 'The body is not JSON.');
    }
    const { fn, args = [] } = (body ?? {}) as { fn?: unknown; args?: unknown };
    if (typeof fn !== 'string' || !Array.isArray(args))
      throw new HttpError(400, 'POST { "fn": "name", "args": [] }.');
    try {
      const out = await locked(() => host.call(fn, args));
      const r = out.result as { ok?: unknown; error?: unknown } | undefined;
      const verdict =
        r && typeof r === 'object' && 'ok' in r
          ? r.ok === true
            ? 'ok'
            : `refused: ${String(r.error)}`
          : 'done';
      log(`${fn} ${verdict}${out.saved ? ', saved' : ''} (${out.ms} ms)`);
      sendJson(res, 200, out.result, out.saved ? { [SAVED_HEADER]: '1' } : {});
    } catch (e) {
      if (e instanceof CallRefused) throw new HttpError(400, e.message);
      if (e instanceof HttpError) throw e;
      const message = (e as Error)?.message ?? String(e);
      log(`${fn} failed: ${message}`);
      throw new HttpError(500, message);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) throw new HttpError(403, 'Unknown host.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    if (path === CALL_PATH) {
      if (req.method !== 'POST') throw new HttpError(405, `POST to ${CALL_PATH}.`);
      return apiCall(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'GET only.');
    if (path === '/') {
      const tabs = await readTabsLocked();
      const html = renderIndex({
        workbook: opts.workbook,
        today: opts.today,
        sidebars: listSidebars(dist),
        tabs,
      });
      return send(res, 200, 'text/html', html);
    }
    if (path === '/tabs') return send(res, 200, 'text/html', renderTabs(await readTabsLocked()));
    const tab = /^\/tab\/(.+)$/.exec(path);
    if (tab) {
      const name = decodeURIComponent(tab[1]!);
      const found = (await readTabsLocked()).find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new HttpError(404, `The workbook has no tab "${name}".`);
      return send(res, 200, 'text/html', renderTabPage(found, opts.workbook));
    }
    const sidebar = /^\/sidebar\/([^/]+?)(\.html)?$/.exec(path);
    if (sidebar) {
      const name = decodeURIComponent(sidebar[1]!);
      if (!listSidebars(dist).includes(name)) throw new HttpError(404, `No sidebar ${name} in ${dist}/.`);
      return send(res, 200, 'text/html', injectBridge(readFileSync(`${dist}/${name}.html`, 'utf8')));
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    throw new HttpError(404, `Nothing at ${path}.`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = (e as Error)?.message ?? String(e);
      if (status === 500 && !(e instanceof HttpError)) log(`${req.method} ${req.url}: ${message}`);
      if (res.headersSent) return void res.end();
      const wantsJson = (req.url ?? '').startsWith(CALL_PATH);
      if (wantsJson) sendJson(res, status, { error: message });
      else
        send(
          res,
          status,
          'text/html',
          renderMessage(status, status === 404 ? 'Not found' : 'Error', message),
        );
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await host.idle();
    },
  };
}
