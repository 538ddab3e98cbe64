// `studio-ledger add-client`: add a client.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';

export const addClient: Command = {
  name: 'add-client',
  summary: 'add a client',
  options: {
    ...COMMON,
    name: { type: 'string', required: true, help: 'name', value: 'NAME' },
    email: { type: 'string', help: 'email', value: 'EMAIL' },
    phone: { type: 'string', help: 'phone', value: 'PHONE' },
    method: {
      type: 'string',
      help: 'Manual, DD Full Integration, DD Partial Integration or DD Reconciliation',
      value: 'METHOD',
    },
    reference: { type: 'string', help: 'DD reference (default: the client ID)', value: 'REF' },
    bsb: { type: 'string', help: 'BSB, nnn-nnn', value: 'BSB' },
    account: { type: 'string', help: 'account number', value: 'NUMBER' },
    'account-name': { type: 'string', help: 'account name', value: 'NAME' },
    signed: { type: 'string', help: 'the day the client signed the DDR', value: 'YYYY-MM-DD' },
    'ddr-sent': { type: 'string', help: 'the day the DDR went to the DD company', value: 'YYYY-MM-DD' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const c = call(
        s,
        'addClient',
        {
          name: need(v, 'name'),
          email: str(v, 'email'),
          phone: str(v, 'phone'),
          billingMethod: str(v, 'method'),
          ddReference: str(v, 'reference'),
          bsb: str(v, 'bsb'),
          accountNumber: str(v, 'account'),
          accountName: str(v, 'account-name'),
          authoritySigned: date(v, 'signed'),
          ddrSent: date(v, 'ddr-sent'),
          dates: 'iso',
        },
        v,
      );
      return (
        json(v, c) ??
        [`Added ${c.name} as ${c.id} (${c.billingMethod}).`, ...c.warnings.map((w) => `Warning: ${w}`)].join(
          '\n',
        )
      );
    }),
};
