import { describe, expect, it } from 'vitest';
import {
  declineRule,
  isRefusal,
  planDecline,
  type Client,
  type DeclineOutcome,
} from '../../../src/core/ledger';
import { inv, pay } from './fixtures';

const client: Client = {
  id: 'C-0001',
  name: 'Ben',
  email: '',
  phone: '',
  billingMethod: 'DD Full Integration',
  ddReference: 'HPT-BEN',
  bsb: '062-000',
  accountNumber: '12345678',
  accountName: '',
  status: 'Active',
};
const base = { client, dishonourFee: 1500, retryLimit: 2 };

describe('one debit, one story', () => {
  it('a processed debit declined: its payment reversed, the invoice due again, one fee dated the day reported', () => {
    const invoices = [
      inv({ id: 'INV-000001', status: 'Paid', paid: 22000, batchId: 'B-000001', sentAmount: 22000 }),
    ];
    const payments = [pay({ id: 'P-000001', batchId: 'B-000001', reference: 'B-000001' })];
    const o = planDecline(
      { batchId: 'B-000001', clientId: 'C-0001', date: '2016-09-21', rule: declineRule({ code: '6' }) },
      { ...base, invoices, payments },
    ) as DeclineOutcome;
    expect(o.invoices[0]).toMatchObject({ status: 'Declined', paid: 0, declineCount: 1 });
    expect(o.rows).toEqual([
      expect.objectContaining({
        amount: -22000,
        method: 'Decline',
        batchId: 'B-000001',
        date: '2016-09-21',
        reason: 'Refer to customer (code 6)',
      }),
    ]);
    expect(o.fee).toMatchObject({ amount: 1500, dueDate: '2016-09-21' });
    expect(o.client).toBeNull();
  });

  it('a second arrival changes no money; a bank code over a hand reason replaces it and applies its rule', () => {
    const invoices = [
      inv({ id: 'INV-000001', status: 'Declined', batchId: 'B-000001', declineReason: 'bank said no' }),
    ];
    const payments = [
      pay({ id: 'P-000002', amount: 0, method: 'Decline', batchId: 'B-000001', reason: 'bank said no' }),
    ];
    const again = planDecline(
      { batchId: 'B-000001', clientId: 'C-0001', date: '2016-09-22', rule: declineRule({ words: 'again' }) },
      { ...base, invoices, payments },
    ) as DeclineOutcome;
    expect(again).toMatchObject({ already: true, rows: [], fee: null, invoices: [], client: null });
    const coded = planDecline(
      { batchId: 'B-000001', clientId: 'C-0001', date: '2016-09-22', rule: declineRule({ code: '3' }) },
      { ...base, invoices, payments },
    ) as DeclineOutcome;
    expect(coded.already).toBe(true);
    expect(coded.fee).toBeNull();
    expect(coded.rowUpdates[0]!.reason).toBe('Account closed (code 3)');
    expect(coded.invoices[0]!.declineReason).toBe('Account closed (code 3)');
    expect(coded.client?.status).toBe('DD stopped');
  });

  it('re-sent in a newer batch: only what the old debit paid is taken back, the newer debit stays in flight', () => {
    const invoices = [
      inv({ id: 'INV-000001', status: 'Sent', paid: 10000, batchId: 'B-000002', sentAmount: 12000 }),
    ];
    const payments = [pay({ id: 'P-000001', amount: 10000, batchId: 'B-000001' })];
    const o = planDecline(
      { batchId: 'B-000001', clientId: 'C-0001', date: '2016-10-01', rule: declineRule({ code: '6' }) },
      { ...base, invoices, payments },
    ) as DeclineOutcome;
    expect(o.invoices[0]).toMatchObject({ status: 'Sent', batchId: 'B-000002', paid: 0, sentAmount: 12000 });
    expect(o.rows[0]!.amount).toBe(-10000);
  });

  it('retry up to the limit, then held; codes 7 and 8 charge no fee; 8 does not count', () => {
    const story = (count: number, code: string) =>
      planDecline(
        { batchId: 'B-000003', clientId: 'C-0001', date: '2016-10-01', rule: declineRule({ code }) },
        {
          ...base,
          invoices: [
            inv({
              id: 'INV-000001',
              status: 'Sent',
              batchId: 'B-000003',
              sentAmount: 22000,
              declineCount: count,
            }),
          ],
          payments: [],
        },
      ) as DeclineOutcome;
    expect(story(1, '6').invoices[0]!.status).toBe('Declined');
    expect(story(2, '6').invoices[0]!.status).toBe('Held');
    expect(story(1, '7').invoices[0]!.status).toBe('Held');
    expect(story(0, '7').fee).toBeNull();
    expect(story(5, '8')).toMatchObject({ fee: null, studioSetup: true });
    expect(story(5, '8').invoices[0]).toMatchObject({ status: 'Declined', declineCount: 5 });
    expect(story(0, '1').client).toMatchObject({
      status: 'Update bank details',
      declinedBsb: '062-000',
      declinedAccount: '12345678',
    });
  });

  it('a debit with nothing of the client in it is refused', () => {
    expect(
      isRefusal(
        planDecline(
          { batchId: 'B-000009', clientId: 'C-0001', date: '2016-10-01', rule: declineRule({}) },
          { ...base, invoices: [], payments: [] },
        ),
      ),
    ).toBe(true);
  });
});
