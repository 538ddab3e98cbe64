// Invoice descriptions people can read: "10 x PT — 2 of 5", "PT fortnightly — cycle 3".
import type { PackageDef } from './packageTypes';

export function invoiceDescription(pkg: PackageDef, instalment: number): string {
  switch (pkg.kind) {
    case 'Paid in full':
      return `${pkg.sessions} x ${pkg.name} — paid in full`;
    case 'Instalments':
      return `${pkg.sessions} x ${pkg.name} — ${instalment} of ${pkg.instalments ?? '?'}`;
    case 'Recurring': {
      const what = pkg.frequency ? `${pkg.name} ${pkg.frequency.toLowerCase()}` : pkg.name;
      return pkg.instalments === null
        ? `${what} — cycle ${instalment}`
        : `${what} — ${instalment} of ${pkg.instalments}`;
    }
  }
}
