// The preview's google.script.run passes only what Google's does, in both directions: in Chromium, a
// Date, a function or a DOM element (but a form) in an argument fails the call before any request;
// undefined in an array arrives as null and an undefined property not at all; a form goes as its fields.
// The server side (a result with a Date fails the call) is src/local/plainData, tested beside it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  openSidebar,
  openStudio,
  sidebarContext,
  type Studio,
} from './harness';

describeInBrowser('the bridge carries plain data only', () => {
  let studio: Studio;
  let browser: Browser;
  let page: Page;
  const bodies: unknown[] = [];

  beforeAll(async () => {
    studio = await openStudio('2016-09-13');
    browser = await launchBrowser();
    page = await (await sidebarContext(browser)).newPage();
    await openSidebar(page, studio, 'AddClient');
    // Answer every call here, recording what the bridge sent.
    await page.route('**/api/call', async (route) => {
      bodies.push(JSON.parse(route.request().postData() ?? 'null'));
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}' });
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  /** Calls echo(...args) in the page: what the handlers saw, or what the call threw. */
  function run(script: string): Promise<{ ok?: unknown; failed?: string; threw?: string }> {
    return page.evaluate(
      (code) =>
        new Promise((resolve) => {
          const runner = (window as unknown as { google: { script: { run: Record<string, unknown> } } })
            .google.script.run as {
            withSuccessHandler(f: (v: unknown) => void): {
              withFailureHandler(g: (e: Error) => void): Record<string, (...a: unknown[]) => void>;
            };
          };
          const call = runner
            .withSuccessHandler((v) => resolve({ ok: v }))
            .withFailureHandler((e) => resolve({ failed: e.message }));
          try {
            new Function('call', code)(call);
          } catch (e) {
            resolve({ threw: (e as Error).message });
          }
        }),
      script,
    );
  }

  it('a Date, a function or a DOM element fails the call, nothing is sent', async () => {
    const before = bodies.length;
    expect(await run('call.echo(new Date())')).toEqual({
      threw: 'Failed due to illegal value in property: 0',
    });
    expect(await run('call.echo({ when: { at: new Date() } })')).toEqual({
      threw: 'Failed due to illegal value in property: at',
    });
    expect(await run('call.echo([1, function () {}])')).toEqual({
      threw: 'Failed due to illegal value in property: 1',
    });
    expect(await run('call.echo({ el: document.body })')).toEqual({
      threw: 'Failed due to illegal value in property: el',
    });
    expect(await run('var o = {}; o.self = o; call.echo(o)')).toEqual({
      threw: 'Failed due to illegal value in property: self',
    });
    expect(bodies.length).toBe(before);
  });

  it('undefined in an array is null, an undefined property is dropped, a form goes as its fields', async () => {
    expect(await run('call.echo([1, undefined, "x"], { a: undefined, b: 2, c: [undefined] })')).toEqual({
      ok: { ok: true },
    });
    expect(bodies.at(-1)).toEqual({ fn: 'echo', args: [[1, null, 'x'], { b: 2, c: [null] }] });
    const form = `var f = document.createElement('form');
      f.innerHTML = '<input name="name" value="Pat"><input name="tag" value="a"><input name="tag" value="b">' +
        '<input type="checkbox" name="ok" value="yes" checked><input type="checkbox" name="no" value="x">';
      document.body.appendChild(f);
      call.echo(f);`;
    expect(await run(form)).toEqual({ ok: { ok: true } });
    expect(bodies.at(-1)).toEqual({ fn: 'echo', args: [{ name: 'Pat', tag: ['a', 'b'], ok: 'yes' }] });
    // A form beside another argument is a DOM element like any other.
    expect(await run('call.echo(document.createElement("form"), 1)')).toEqual({
      threw: 'Failed due to illegal value in property: 0',
    });
  });
});
