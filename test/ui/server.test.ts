// callServer is google.script.run as a promise, typed by the server function's name. The type checks run
// under `tsc` (npm run typecheck); the runtime checks run here.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { callServer, type ServerCall, type ServerFn, type ServerValue } from '../../src/ui/lib/server';
import type { Result } from '../../src/addon/result';
import type { SalePreview, SellForm } from '../../src/addon/sales';
import type { BillingForm } from '../../src/addon/billing';

type Handler = { ok: (v: unknown) => void; fail: (e: unknown) => void };

/** A google.script.run double: each server function answers through the handlers set before the call. */
function installScriptRun(functions: Record<string, (arg: unknown, h: Handler) => void>): void {
  const make = (h: Handler): Record<string, unknown> => ({
    withSuccessHandler: (f: (v: unknown) => void) => make({ ...h, ok: f }),
    withFailureHandler: (f: (e: unknown) => void) => make({ ...h, fail: f }),
    ...Object.fromEntries(Object.entries(functions).map(([n, fn]) => [n, (arg: unknown) => fn(arg, h)])),
  });
  (globalThis as { google?: unknown }).google = {
    script: { run: make({ ok: () => undefined, fail: () => undefined }) },
  };
}

afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

describe('callServer', () => {
  it('passes the request to the named function and resolves with its answer', async () => {
    const seen: unknown[] = [];
    installScriptRun({
      previewSale: (arg, h) => {
        seen.push(arg);
        h.ok({ ok: true, value: { saleId: 'S-000001', total: 22000 } });
      },
    });
    const r = await callServer('previewSale', { clientId: 'C-0001', packageCode: 'PT10' });
    expect(seen).toEqual([{ clientId: 'C-0001', packageCode: 'PT10' }]);
    expect(r).toEqual({ ok: true, value: { saleId: 'S-000001', total: 22000 } });
  });

  it('rejects with the server failure as an Error', async () => {
    installScriptRun({ getSellForm: (_arg, h) => h.fail('Exceeded maximum execution time') });
    await expect(callServer('getSellForm')).rejects.toThrow('Exceeded maximum execution time');
  });

  it('rejects a name the server does not have', async () => {
    installScriptRun({});
    await expect(callServer('getSellForm')).rejects.toThrow('No server function getSellForm');
  });
});

describe('types from the server exports', () => {
  it('derives each answer from the export of that name', () => {
    expectTypeOf<ServerValue<'getSellForm'>>().toEqualTypeOf<SellForm>();
    expectTypeOf<ServerValue<'sellPackage'>>().toEqualTypeOf<SalePreview>();
    expectTypeOf<ServerValue<'getBillingForm'>>().toEqualTypeOf<BillingForm>();
    const preview = (call: ServerCall) => call('previewSale', { clientId: 'C-0001', packageCode: 'PT10' });
    expectTypeOf(preview).returns.resolves.toEqualTypeOf<Result<SalePreview>>();
    // Menu items and triggers answer nothing: not callable from a sidebar.
    expectTypeOf<'onOpen'>().not.toMatchTypeOf<ServerFn>();
    expectTypeOf<'showSellPackage'>().not.toMatchTypeOf<ServerFn>();
  });

  it('refuses a wrong name or request at compile time', () => {
    // Only compiled, never run: each line must fail to type-check.
    const never = (call: ServerCall) => {
      // @ts-expect-error not a server function
      void call('sellPackge', { clientId: 'C-0001', packageCode: 'PT10' });
      // @ts-expect-error a sale needs a package code
      void call('sellPackage', { clientId: 'C-0001' });
      void call('getSellForm').then((r) => {
        // @ts-expect-error the form has no such field
        if (r.ok) void r.value.invoices;
      });
    };
    expect(typeof never).toBe('function');
  });
});
