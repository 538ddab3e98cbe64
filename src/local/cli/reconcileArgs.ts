// The reconcile command's own options: --map (the sidebar's whole column mapping on one line), and the
// repeatable --confirm ROW=CLIENT and --resolve ROW=paid|reversal|ignore.
import type { ColumnMapping, MappingDraft } from '../../core/reports';
import { UsageError } from './errors';

/** --map roles, as written on the command line, and whether each takes a list (`A|B`). */
const ROLES = {
  reference: 'list',
  'payment-id': 'one',
  name: 'one',
  date: 'one',
  amount: 'one',
  status: 'one',
  reason: 'one',
  paid: 'list',
  declined: 'list',
  pending: 'list',
} as const;
type Role = keyof typeof ROLES;
const isRole = (k: string): k is Role => Object.prototype.hasOwnProperty.call(ROLES, k);

/**
 * "reference=Ref|Member No,payment-id=Txn,date=Date,amount=Amount,status=Result,paid=Success|OK,…" as the
 * mapping the sidebar saves. Whether it makes sense for the report is the add-in's to say.
 */
export function parseMapOption(text: string): ColumnMapping {
  const got = new Map<Role, string[]>();
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (!isRole(key))
      throw new UsageError(`--map: "${key}" is not a role (use ${Object.keys(ROLES).join(', ')})`);
    if (eq < 0) throw new UsageError(`--map: ${key} needs a column, as ${key}=COLUMN`);
    if (got.has(key)) throw new UsageError(`--map: ${key} is given twice`);
    const values = part
      .slice(eq + 1)
      .split('|')
      .map((v) => v.trim())
      .filter(Boolean);
    if (ROLES[key] === 'one' && values.length > 1)
      throw new UsageError(`--map: ${key} takes one column, not ${values.join(' and ')}`);
    got.set(key, values);
  }
  const one = (k: Role) => got.get(k)?.[0];
  const mapping: ColumnMapping = {
    reference: got.get('reference') ?? [],
    date: one('date') ?? '',
    amount: one('amount') ?? '',
    paidValues: got.get('paid') ?? [],
    declinedValues: got.get('declined') ?? [],
  };
  const optional = {
    paymentId: one('payment-id'),
    name: one('name'),
    status: one('status'),
    reason: one('reason'),
  };
  for (const [k, v] of Object.entries(optional)) if (v) mapping[k as keyof typeof optional] = v;
  if (got.has('pending')) mapping.pendingValues = got.get('pending')!;
  return mapping;
}

/** A mapping (the add-in's guess, or the saved one) as a --map value, to offer a person to edit. */
export function mapOptionOf(m: MappingDraft): string {
  const parts: [string, string][] = [
    ['reference', m.reference.join('|')],
    ['payment-id', m.paymentId],
    ['name', m.name],
    ['date', m.date],
    ['amount', m.amount],
    ['status', m.status],
    ['reason', m.reason],
    ['paid', m.status ? m.paidValues.join('|') : ''],
    ['declined', m.status ? m.declinedValues.join('|') : ''],
    ['pending', m.status ? m.pendingValues.join('|') : ''],
  ];
  return parts
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Repeated ROW=VALUE options by report row; `check` says what a value may be. */
export function rowOptions(
  option: string,
  given: string | boolean | string[] | undefined,
  check: (value: string) => string | null,
): Record<string, string> {
  const list = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  const out: Record<string, string> = {};
  for (const item of list) {
    const m = /^\s*(\d+)\s*=\s*(.*?)\s*$/.exec(item);
    if (!m || m[1] === '0')
      throw new UsageError(
        `--${option} ${item}: write ROW=${option === 'confirm' ? 'CLIENT' : 'paid|reversal|ignore'}, ROW a report row number`,
      );
    const problem = check(m[2]!);
    if (problem) throw new UsageError(`--${option} ${item}: ${problem}`);
    if (Object.prototype.hasOwnProperty.call(out, m[1]!))
      throw new UsageError(`--${option}: row ${m[1]} is given twice`);
    out[m[1]!] = m[2]!;
  }
  return out;
}
