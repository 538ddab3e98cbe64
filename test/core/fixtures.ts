// Packages and sales from the seed document, for the sale tests.
import type { PackageDef, SaleTerms } from '../../src/core/packageKinds';

export const tenPtPaidInFull: PackageDef = {
  code: 'PT10',
  name: 'PT',
  kind: 'Paid in full',
  sessions: 10,
  price: 50000,
  instalments: null,
  frequency: null,
};

export const ptInFiveFortnightly: PackageDef = {
  code: 'PT10-5F',
  name: 'PT',
  kind: 'Instalments',
  sessions: 10,
  price: 110000,
  instalments: 5,
  frequency: 'Fortnightly',
};

export const ptRecurringFortnightly: PackageDef = {
  code: 'PT-REC',
  name: 'PT',
  kind: 'Recurring',
  sessions: 4,
  price: 16000,
  instalments: null,
  frequency: 'Fortnightly',
};

export function sale(pkg: PackageDef, dates: Partial<SaleTerms> = {}): SaleTerms {
  return {
    saleId: 'S1',
    clientId: 'C1',
    pkg,
    saleDate: '2016-09-13',
    startDate: '2016-09-13',
    dueDate: '2016-09-13',
    ...dates,
  };
}
