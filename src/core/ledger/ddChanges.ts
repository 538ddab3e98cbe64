// What the DD company must be told: a client's debit schedule now against the one it was last notified,
// after today (today's debit is already under way). New sales, pauses (the dates skipped and the next
// debit), cancels (the last debit), amounts changed and bank details changed, with both schedules
// side by side. Pure: the caller reads the notice and builds today's schedule.
import { compareDates, type IsoDate } from '../calendar';
import { isInHold } from '../lifecycle/holds';
import type { SaleLife } from '../lifecycle/recurringHeld';
import { formatMoney, type Cents } from '../money';
import type { Sale } from './records';
import type { DebitSchedule } from './schedule';

export interface NoticeDebit {
  date: IsoDate;
  amount: Cents;
  saleIds: string[];
}

/** A schedule as the DD company was told it (a notice on the DD Notices tab). */
export interface Notice {
  notice: number;
  clientId: string;
  notified: IsoDate;
  debits: NoticeDebit[];
  bsb: string;
  accountNumber: string;
  openEnded: boolean;
}

export type ChangeKind =
  | 'Not notified'
  | 'New sale'
  | 'Paused'
  | 'Cancelled'
  | 'Amount changed'
  | 'Dates changed'
  | 'Bank details changed'
  | 'Not debited';

export interface Change {
  kind: ChangeKind;
  note: string;
}

/** One line of the side-by-side view: a debit date told, now, or both. */
export interface SideBySide {
  oldDate: IsoDate | null;
  oldAmount: Cents | null;
  newDate: IsoDate | null;
  newAmount: Cents | null;
  /** same, moved in, gone, amount */
  note: 'same' | 'new' | 'gone' | 'amount';
}

export interface ClientChanges {
  clientId: string;
  notice: Notice | null;
  changes: Change[];
  lines: SideBySide[];
}

export interface ChangeContext {
  today: IsoDate;
  bank: { bsb: string; accountNumber: string };
  /** The client's sales (status, package) and their holds and ends, by Sale ID. */
  sales: readonly Sale[];
  lives: ReadonlyMap<string, SaleLife>;
}

const norm = (s: string) => s.replace(/[\s-]/g, '');
const after = (today: IsoDate) => (d: { date: IsoDate }) => compareDates(d.date, today) > 0;

/** The two schedules over the days both speak for: after today, and up to the shorter horizon. */
function windowed(notice: Notice, now: DebitSchedule, today: IsoDate): [NoticeDebit[], NoticeDebit[]] {
  let old = notice.debits.filter(after(today));
  let cur: NoticeDebit[] = now.debits.filter(after(today));
  if (notice.openEnded && now.openEnded) {
    const lastOld = notice.debits.at(-1)?.date;
    const lastNew = now.debits.at(-1)?.date;
    if (lastOld && lastNew) {
      const cut = compareDates(lastOld, lastNew) <= 0 ? lastOld : lastNew;
      old = old.filter((d) => compareDates(d.date, cut) <= 0);
      cur = cur.filter((d) => compareDates(d.date, cut) <= 0);
    }
  }
  return [old, cur];
}

function sideBySide(old: readonly NoticeDebit[], cur: readonly NoticeDebit[]): SideBySide[] {
  const dates = [...new Set([...old, ...cur].map((d) => d.date))].sort(compareDates);
  return dates.map((date) => {
    const o = old.find((d) => d.date === date);
    const n = cur.find((d) => d.date === date);
    const note = !o ? 'new' : !n ? 'gone' : o.amount !== n.amount ? 'amount' : 'same';
    return {
      oldDate: o ? date : null,
      oldAmount: o ? o.amount : null,
      newDate: n ? date : null,
      newAmount: n ? n.amount : null,
      note,
    };
  });
}

const datesOf = (debits: readonly NoticeDebit[], saleId: string) =>
  debits.filter((d) => d.saleIds.includes(saleId)).map((d) => d.date);

function saleName(sales: readonly Sale[], id: string): string {
  const s = sales.find((x) => x.id === id);
  return s ? `${id} (${s.packageName || s.packageCode})` : id;
}

function debitText(d: NoticeDebit | undefined): string {
  return d ? `${d.date} ${formatMoney(d.amount)}` : 'none';
}

/** The changes for one client, or null when the DD company already has it right. */
export function clientChanges(
  notice: Notice | null,
  now: DebitSchedule,
  ctx: ChangeContext,
): ClientChanges | null {
  const { today } = ctx;
  if (!notice) {
    const cur = now.debits.filter(after(today));
    return {
      clientId: now.clientId,
      notice: null,
      changes: [{ kind: 'Not notified', note: 'The DD company has not been told this schedule.' }],
      lines: sideBySide([], cur),
    };
  }
  const [old, cur] = windowed(notice, now, today);
  const lines = sideBySide(old, cur);
  const changes: Change[] = [];
  const oldSales = new Set(old.flatMap((d) => d.saleIds));
  const newSales = new Set(cur.flatMap((d) => d.saleIds));
  const explained = new Set<IsoDate>();

  for (const id of [...newSales].sort()) {
    if (oldSales.has(id)) continue;
    const own = cur.filter((d) => d.saleIds.includes(id));
    own.forEach((d) => explained.add(d.date));
    changes.push({
      kind: 'New sale',
      note: `${saleName(ctx.sales, id)}: ${own.length} debit${own.length === 1 ? '' : 's'} from ${debitText(own[0])}`,
    });
  }
  for (const id of [...oldSales].sort()) {
    const sale = ctx.sales.find((s) => s.id === id);
    const life = ctx.lives.get(id);
    const told = datesOf(old, id);
    const still = datesOf(cur, id);
    const gone = told.filter((d) => !still.includes(d));
    if (sale?.status === 'Cancelled' || !newSales.has(id)) {
      if (gone.length === 0) continue;
      gone.forEach((d) => explained.add(d));
      const last = cur.filter((d) => d.saleIds.includes(id)).at(-1);
      const from = life?.endsOn ? ` from ${life.endsOn}` : '';
      changes.push({
        kind: 'Cancelled',
        note: `${saleName(ctx.sales, id)} cancelled${from}: last debit ${debitText(last)}; no more after it`,
      });
      continue;
    }
    const moved = still.filter((d) => !told.includes(d));
    if (gone.length === 0 && moved.length === 0) continue;
    [...gone, ...moved].forEach((d) => explained.add(d));
    const holds = (life?.holds ?? []).filter((h) => gone.some((d) => isInHold(d, h)));
    const next = cur.find((d) => d.saleIds.includes(id) && gone.every((g) => compareDates(d.date, g) > 0));
    if (holds.length > 0)
      changes.push({
        kind: 'Paused',
        note: `${saleName(ctx.sales, id)} paused ${holds.map((h) => `${h.from} to ${h.to}`).join(', ')}: skips ${gone.join(', ')}; next debit ${debitText(next)}`,
      });
    else
      changes.push({
        kind: 'Dates changed',
        note: `${saleName(ctx.sales, id)}: ${gone.length ? `no debit on ${gone.join(', ')}` : ''}${gone.length && moved.length ? '; ' : ''}${moved.length ? `new debit on ${moved.join(', ')}` : ''}`,
      });
  }
  for (const l of lines) {
    if (l.note === 'amount')
      changes.push({
        kind: 'Amount changed',
        note: `${l.newDate}: ${formatMoney(l.oldAmount!)} to ${formatMoney(l.newAmount!)}${why(now)}`,
      });
    else if (l.note !== 'same' && !explained.has((l.oldDate ?? l.newDate)!))
      changes.push({
        kind: l.note === 'gone' ? 'Amount changed' : 'Dates changed',
        note:
          l.note === 'gone'
            ? `${l.oldDate}: ${formatMoney(l.oldAmount!)} no longer debited${why(now)}`
            : `${l.newDate}: ${formatMoney(l.newAmount!)} now debited`,
      });
  }
  if (norm(notice.bsb) !== norm(ctx.bank.bsb) || norm(notice.accountNumber) !== norm(ctx.bank.accountNumber))
    changes.push({
      kind: 'Bank details changed',
      note: `BSB ${notice.bsb || '(none)'} account ${notice.accountNumber || '(none)'} is now BSB ${ctx.bank.bsb || '(none)'} account ${ctx.bank.accountNumber || '(none)'}`,
    });
  if (now.blocked && changes.length > 0) changes.push({ kind: 'Not debited', note: now.blocked });
  if (changes.length === 0) return null;
  return { clientId: now.clientId, notice, changes, lines };
}

/** Why an amount moved, where the ledger says: credit netted, invoices held, the client not debited. */
function why(now: DebitSchedule): string {
  const parts: string[] = [];
  if (now.blocked) parts.push(now.blocked.split(':')[0]!);
  if (now.creditApplied > 0) parts.push(`${formatMoney(now.creditApplied)} credit applied`);
  if (now.held.length > 0)
    parts.push(
      `held after declines: ${now.held.map((h) => `${h.invoiceId} ${formatMoney(h.amount)}`).join(', ')}`,
    );
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** The notice in force on `on` for each client: the latest notified on or before it (highest number). */
export function noticesInForce(notices: readonly Notice[], on: IsoDate): Map<string, Notice> {
  const out = new Map<string, Notice>();
  for (const n of notices) {
    if (compareDates(n.notified, on) > 0) continue;
    const have = out.get(n.clientId);
    if (!have || n.notice > have.notice) out.set(n.clientId, n);
  }
  return out;
}

/** The notice recording what the DD company is told today. */
export function noticeOf(
  now: DebitSchedule,
  number: number,
  today: IsoDate,
  bank: { bsb: string; accountNumber: string },
): Notice {
  return {
    notice: number,
    clientId: now.clientId,
    notified: today,
    debits: now.debits.map((d) => ({ date: d.date, amount: d.amount, saleIds: [...d.saleIds] })),
    bsb: bank.bsb,
    accountNumber: bank.accountNumber,
    openEnded: now.openEnded,
  };
}
