import { describe, expect, it } from 'vitest';
import { releaseFixedClients } from '../../src/sheets/actions/clientRelease';
import type { Client } from '../../src/sheets/records';

const held: Client = {
  row: 3,
  id: 'C-0001',
  name: 'Jane Citizen',
  email: '',
  phone: '',
  billingMethod: 'DD Full Integration',
  ddReference: 'HPT-JANE',
  bsb: '062-000',
  accountNumber: '12345678',
  accountName: '',
  status: 'Update bank details',
  declinedBsb: '062-000',
  declinedAccount: '12345678',
};

describe('releaseFixedClients', () => {
  it('sets a client held for bank details back to Active once the BSB or account differs, clearing the refused details', () => {
    expect(releaseFixedClients([{ ...held, accountNumber: '12345679' }])).toEqual([
      { ...held, accountNumber: '12345679', status: 'Active', declinedBsb: '', declinedAccount: '' },
    ]);
    expect(releaseFixedClients([{ ...held, bsb: '062-001' }]).map((c) => c.status)).toEqual(['Active']);
  });

  it('keeps the hold while the details are those refused (spaces and dashes aside), and leaves other statuses alone', () => {
    expect(releaseFixedClients([held, { ...held, bsb: '062000', accountNumber: '1234 5678' }])).toEqual([]);
    expect(releaseFixedClients([{ ...held, status: 'DD stopped', accountNumber: '99999999' }])).toEqual([]);
    // Typed by hand with no refused details recorded: only a person lifts it.
    const typed: Client = { ...held };
    delete typed.declinedBsb;
    delete typed.declinedAccount;
    expect(releaseFixedClients([typed])).toEqual([]);
  });
});
