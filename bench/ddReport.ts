// An Ezidebit-shaped report for the bench: one row per DD client on the studio in each cycle, newest
// cycles first, up to `rows` rows. Only the newest cycle has declines and pending rows; older rows repeat
// what the studio applied then (a DD Reconciliation client's PaymentID matches its Reconciled key).
import type { Studio } from './studio';
import { ezidebitPaymentId } from './studio';

const HEADER =
  'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason';

export function ddReport(studio: Studio, rows: number): string {
  const lines = [HEADER];
  const dd = studio.clients.filter((c) => c.method !== 'Manual');
  let i = 0;
  for (let k = studio.cycles - 1; k >= 0 && lines.length <= rows; k--) {
    const date = studio.cycleDates[k]!;
    const dmy = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
    const newest = k === studio.cycles - 1;
    for (const c of dd) {
      if (k < c.join || k >= c.leave) continue;
      if (lines.length > rows) break;
      const status = !newest
        ? 'S,,'
        : i % 20 === 7
          ? 'D,06,Refer to customer'
          : i % 20 === 13
            ? 'P,,'
            : 'S,,';
      const amount = c.price.toFixed(2);
      lines.push(`${ezidebitPaymentId(k, c.n)},,${c.id},Client ${c.n},${dmy},,${amount},${amount},${status}`);
      i++;
    }
  }
  return lines.join('\r\n');
}
