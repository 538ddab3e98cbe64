// `studio-ledger edit-client`: change a client's details and Direct Debit Request.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, unchanged, withWorkbook } from '../helpers';

export const editClient: Command = {
  name: 'edit-client',
  summary: "change a client's details and Direct Debit Request (only the options given)",
  options: {
    ...COMMON,
    client: { type: 'string', required: true, help: 'the client', value: 'ID' },
    name: { type: 'string', help: 'name', value: 'NAME' },
    email: { type: 'string', help: 'email ("" clears it)', value: 'EMAIL' },
    phone: { type: 'string', help: 'phone ("" clears it)', value: 'PHONE' },
    method: {
      type: 'string',
      help: 'Manual, DD Full Integration, DD Partial Integration or DD Reconciliation',
      value: 'METHOD',
    },
    reference: { type: 'string', help: 'DD reference ("" makes it the client ID)', value: 'REF' },
    bsb: { type: 'string', help: 'BSB, nnn-nnn', value: 'BSB' },
    account: { type: 'string', help: 'account number', value: 'NUMBER' },
    'account-name': { type: 'string', help: 'account name', value: 'NAME' },
    signed: { type: 'string', help: 'the day the client signed the DDR ("" clears it)', value: 'YYYY-MM-DD' },
    'ddr-sent': {
      type: 'string',
      help: 'the day the DDR went to the DD company ("" clears it)',
      value: 'YYYY-MM-DD',
    },
    status: {
      type: 'string',
      help: 'Active, Inactive, Update bank details or DD stopped',
      value: 'STATUS',
    },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const dateOrBlank = (k: string) => (str(v, k) === '' ? '' : date(v, k));
      const e = call(
        s,
        'editClient',
        {
          clientId: need(v, 'client'),
          name: str(v, 'name'),
          email: str(v, 'email'),
          phone: str(v, 'phone'),
          billingMethod: str(v, 'method'),
          ddReference: str(v, 'reference'),
          bsb: str(v, 'bsb'),
          accountNumber: str(v, 'account'),
          accountName: str(v, 'account-name'),
          authoritySigned: dateOrBlank('signed'),
          ddrSent: dateOrBlank('ddr-sent'),
          status: str(v, 'status'),
          dates: 'iso',
        },
        v,
      );
      const text = json(v, e);
      if (!e.changed.length) return unchanged(text ?? `${e.client.id} ${e.client.name}: nothing changed.`);
      return (
        text ??
        [
          `${e.client.id} ${e.client.name}: changed ${e.changed.join(', ')}.`,
          e.released ? 'New bank details: Active again.' : '',
          ...e.warnings.map((w) => `Warning: ${w}`),
        ]
          .filter(Boolean)
          .join('\n')
      );
    }),
};
