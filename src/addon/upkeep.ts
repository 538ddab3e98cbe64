// Daily upkeep: an optional time-driven trigger, turned on and off from the menu (never installed twice),
// that rolls recurring packages forward to today, spends clients' credit on what is due by today, and
// refreshes the Outstanding and Balances tabs.
import { formatMoney } from '../core/money';
import { reportsSummary, writeReports } from '../sheets/actions/reports';
import { planUpkeep, UPKEEP_TABS, writeUpkeep } from '../sheets/actions/upkeep';
import { LedgerTx } from '../sheets/ledgerTx';
import { UserError } from '../sheets/errors';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

/** The trigger's handler: a top-level function of Code.js (exported from index.ts). */
export const UPKEEP_HANDLER = 'runDailyUpkeep';
/** Early, before the studio opens (in the script's time zone). */
export const UPKEEP_HOUR = 5;

export interface UpkeepSummary {
  today: string;
  invoicesCreated: number;
  allocationsCreated: number;
  statusChanges: { saleId: string; from: string; to: string }[];
  /** Credit spent today, per client, on the invoices named (pairs of Payments rows dated today). */
  creditSpent: { clientId: string; amount: number; invoiceIds: string[] }[];
  overdueClients: number;
  overdueTotal: number;
}

/** Document property: the spreadsheet the daily upkeep works on, kept when it is turned on. */
export const UPKEEP_SPREADSHEET_KEY = 'studioLedger.upkeepSpreadsheetId';
/** User property per trigger (its unique ID): the same, should document properties be unavailable there. */
const triggerKey = (uid: string): string => `studioLedger.upkeepTrigger.${uid}`;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The spreadsheet a run works on. From a menu or a bound script's trigger, the active one. An Editor
 * add-on's time trigger has no active spreadsheet: the ID kept when the upkeep was turned on, opened by
 * ID, which needs the spreadsheets scope (README, Install: the add-on build).
 */
function upkeepSpreadsheet(triggerUid: string | undefined): Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id =
    PropertiesService.getDocumentProperties()?.getProperty(UPKEEP_SPREADSHEET_KEY) ??
    (triggerUid ? PropertiesService.getUserProperties().getProperty(triggerKey(triggerUid)) : null);
  if (!id)
    throw new UserError(
      'The daily upkeep does not know its spreadsheet: turn it off and on again from the Studio Ledger menu.',
    );
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    throw new UserError(
      `The daily upkeep cannot open spreadsheet ${id}: the add-on needs the https://www.googleapis.com/auth/spreadsheets scope to open it from a trigger.`,
    );
  }
}

/**
 * The trigger's target (also the CLI's upkeep). A time-driven trigger passes an event object (with its
 * triggerUid) and no `today`, so the day is the spreadsheet's today; the CLI and tests may fix it.
 */
export function runDailyUpkeep(req?: Request & { triggerUid?: unknown }): Result<UpkeepSummary> {
  const result = attempt(() => {
    const uid = typeof req?.triggerUid === 'string' ? req.triggerUid : undefined;
    const ctx = context(
      req && typeof req.today === 'string' ? { today: req.today } : undefined,
      upkeepSpreadsheet(uid),
    );
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, UPKEEP_TABS);
      const plan = planUpkeep(tx, ctx.today);
      writeUpkeep(tx, plan);
      writeReports(tx, plan.reports, ctx.timestamp());
      const changes = plan.statusChanges.map((c) => `${c.sale.id} ${c.to}`).join(', ');
      const credit = plan.credit.clients
        .map((c) => `${c.clientId} ${formatMoney(c.spent)} on ${c.invoiceIds.join(' ')}`)
        .join(', ');
      tx.commit(
        'Daily upkeep',
        `through ${plan.today}: ${plan.newInvoices.length} recurring invoice(s) and ${plan.newAllocations.length} allocation(s) created${changes ? `; ${changes}` : ''}${credit ? `; credit spent: ${credit}` : ''}; ${reportsSummary(plan.reports)}`,
        ctx.timestamp(),
      );
      return plain({
        today: plan.today,
        invoicesCreated: plan.newInvoices.length,
        allocationsCreated: plan.newAllocations.length,
        statusChanges: plan.statusChanges.map((c) => ({ saleId: c.sale.id, from: c.from, to: c.to })),
        creditSpent: plan.credit.clients.map((c) => ({
          clientId: c.clientId,
          amount: c.spent,
          invoiceIds: c.invoiceIds,
        })),
        overdueClients: plan.reports.outstanding.clients.length,
        overdueTotal: plan.reports.outstanding.total,
      });
    });
  });
  // Nobody sees a trigger's return value: leave a line in the execution log.
  if (!result.ok) Logger.log(`Studio Ledger daily upkeep did not run: ${result.error}`);
  return result;
}

/**
 * This document's upkeep triggers: getUserTriggers(spreadsheet), as an add-on's getProjectTriggers also
 * lists the triggers it has in the user's other documents.
 */
function upkeepTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === UPKEEP_HANDLER);
}

export interface UpkeepState {
  on: boolean;
  hour: number;
}

/** Installs (once) or removes the daily trigger. Under the lock, so two clicks never make two. */
export function setDailyUpkeep(req: { on: boolean } & Request): Result<UpkeepState> {
  return attempt(() =>
    withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const existing = upkeepTriggers(ss);
      if (req.on === true) {
        // Any extra copy (from an older version, or a race elsewhere) goes: exactly one stays.
        existing.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
        const trigger =
          existing[0] ??
          ScriptApp.newTrigger(UPKEEP_HANDLER).timeBased().everyDays(1).atHour(UPKEEP_HOUR).create();
        // Where the trigger will find its spreadsheet (it has no active one in an Editor add-on).
        PropertiesService.getDocumentProperties().setProperty(UPKEEP_SPREADSHEET_KEY, ss.getId());
        PropertiesService.getUserProperties().setProperty(triggerKey(trigger.getUniqueId()), ss.getId());
      } else
        existing.forEach((t) => {
          PropertiesService.getUserProperties().deleteProperty(triggerKey(t.getUniqueId()));
          ScriptApp.deleteTrigger(t);
        });
      return { on: req.on === true, hour: UPKEEP_HOUR };
    }),
  );
}

/** Menu item "Daily upkeep: turn on/off". */
export function toggleDailyUpkeep(): void {
  const ui = SpreadsheetApp.getUi();
  const r = setDailyUpkeep({ on: upkeepTriggers(SpreadsheetApp.getActiveSpreadsheet()).length === 0 });
  if (!r.ok) {
    ui.alert('Studio Ledger', r.error, ui.ButtonSet.OK);
    return;
  }
  ui.alert(
    r.value.on ? 'Daily upkeep is on' : 'Daily upkeep is off',
    r.value.on
      ? `Every morning at about ${r.value.hour}:00 Studio Ledger rolls recurring packages forward to the day (their invoices and sessions), spends clients' credit on what has fallen due and refreshes the Outstanding and Balances tabs. Choose this menu item again to turn it off.`
      : 'Recurring packages now roll forward when Process Billing runs. Choose this menu item again to turn the daily upkeep back on.',
    ui.ButtonSet.OK,
  );
}
