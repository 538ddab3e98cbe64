// google.script.run target of the Edit client sidebar's "Registration file" button (also the CLI's
// registration): the CSV for the DD company, and the Registered date on every client in it.
import {
  planRegistration,
  REGISTRATION_TABS,
  writeRegistration,
  type RegistrationRequest,
} from '../sheets/actions/registration';
import { LedgerTx } from '../sheets/ledgerTx';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface RegistrationFile {
  fileName: string;
  content: string;
  registered: { id: string; name: string }[];
  leftOut: { id: string; name: string; reason: string }[];
}

/** Nobody to register writes nothing (no file, no Log row). */
export function exportRegistration(req?: RegistrationRequest & Request): Result<RegistrationFile> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, REGISTRATION_TABS);
      const plan = planRegistration(tx, req ?? {}, ctx.today);
      if (plan.registered.length) {
        writeRegistration(tx, plan);
        const who = plan.registered.map((c) => c.id).join(' ');
        tx.commit(
          'Registration file',
          `${plan.fileName}: ${who}${req?.again ? ' (again)' : ''}`,
          ctx.timestamp(),
        );
      }
      const { fileName, content, registered, leftOut } = plan;
      return plain({ fileName, content, registered, leftOut });
    });
  });
}
