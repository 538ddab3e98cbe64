// Every command of `studio-ledger`, in the order --help lists them.
import type { Command } from './command';
import { init } from './commands/init';
import { addClient } from './commands/addClient';
import { editClient } from './commands/editClient';
import { registration } from './commands/registration';
import { sell } from './commands/sell';
import { adHoc } from './commands/adHoc';
import { bill } from './commands/bill';
import { exportFile } from './commands/exportFile';
import { markProcessed } from './commands/markProcessed';
import { markPaid } from './commands/markPaid';
import { decline } from './commands/decline';
import { release } from './commands/release';
import { reconcile } from './commands/reconcile';
import { outstanding } from './commands/outstanding';
import { sessions } from './commands/sessions';
import { cancel } from './commands/cancel';
import { pause } from './commands/pause';
import { upkeep } from './commands/upkeep';
import { writeOff } from './commands/writeOff';
import { pay } from './commands/pay';
import { refund } from './commands/refund';
import { statement } from './commands/statement';
import { selfCheck } from './commands/selfCheck';
import { schedule } from './commands/schedule';
import { ddChanges } from './commands/ddChanges';

export const COMMANDS: readonly Command[] = [
  init,
  addClient,
  editClient,
  registration,
  sell,
  adHoc,
  bill,
  exportFile,
  markProcessed,
  markPaid,
  decline,
  release,
  reconcile,
  outstanding,
  pay,
  refund,
  statement,
  schedule,
  ddChanges,
  sessions,
  cancel,
  pause,
  writeOff,
  upkeep,
  selfCheck,
];
