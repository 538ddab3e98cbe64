// SpreadsheetApp: the active spreadsheet, the Ui, the enums and new validation builders.
import { EmulatedDataValidationBuilder } from './dataValidation';
import { BorderStyle, DataValidationCriteria, Dimension, WrapStrategy } from './enums';
import { gas, type Env } from './env';
import type { EmulatedSpreadsheet } from './spreadsheet';

type GS = typeof GoogleAppsScript.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export const APP_MEMBERS = [
  'BorderStyle',
  'DataValidationCriteria',
  'Dimension',
  'WrapStrategy',
  'flush',
  'getActive',
  'getActiveSheet',
  'getActiveSpreadsheet',
  'getUi',
  'newDataValidation',
  'openById',
] as const;

export class EmulatedSpreadsheetApp implements Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  (typeof APP_MEMBERS)[number]
> {
  readonly BorderStyle = gas<GS['BorderStyle']>(BorderStyle);
  readonly DataValidationCriteria = gas<GS['DataValidationCriteria']>(DataValidationCriteria);
  readonly Dimension = gas<GS['Dimension']>(Dimension);
  readonly WrapStrategy = gas<GS['WrapStrategy']>(WrapStrategy);

  constructor(
    private readonly env: Env,
    private readonly book: EmulatedSpreadsheet,
    private readonly ui: () => GoogleAppsScript.Base.Ui,
  ) {}

  /** Applies pending writes: a lock released after this leaves nothing stale for the next holder. */
  flush(): void {
    this.env.flushed();
  }
  getActive(): Spreadsheet {
    return gas(this.book);
  }
  getActiveSheet(): Sheet {
    return this.book.getActiveSheet();
  }
  getActiveSpreadsheet(): Spreadsheet {
    return gas(this.book);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ui();
  }
  /** The one spreadsheet there is, by its ID; any other ID is one this user cannot open. */
  openById(id: string): Spreadsheet {
    if (String(id) !== this.book.getId())
      throw this.env.exception(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return gas(this.book);
  }
  newDataValidation(): DataValidationBuilder {
    return gas(this.env.wrap(new EmulatedDataValidationBuilder(this.env), 'DataValidationBuilder'));
  }
}
