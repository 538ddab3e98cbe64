// DataValidation and DataValidationBuilder, and the checkbox rule insertCheckboxes() sets.
import { typeName } from './args';
import { DataValidationCriteria, type CriteriaName } from './enums';
import { enumMember, gas, type Env } from './env';
import type { ValidationSpec } from './store';

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export const DATA_VALIDATION_METHODS = [
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
] as const;

export class EmulatedDataValidation implements Pick<
  DataValidation,
  (typeof DATA_VALIDATION_METHODS)[number]
> {
  constructor(
    readonly env: Env,
    readonly spec: ValidationSpec,
  ) {}

  copy(): DataValidationBuilder {
    return gas(
      this.env.wrap(new EmulatedDataValidationBuilder(this.env, { ...this.spec }), 'DataValidationBuilder'),
    );
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return gas(DataValidationCriteria[this.spec.criteria as CriteriaName]);
  }
  getCriteriaValues(): unknown[] {
    return this.env.list(this.spec.args.map((a) => (Array.isArray(a) ? this.env.list(a) : a)));
  }
  getHelpText(): string {
    return this.spec.helpText;
  }
}

interface BuilderState {
  criteria?: string;
  args?: readonly unknown[];
  allowInvalid?: boolean;
  helpText?: string;
}

export const BUILDER_METHODS = [
  'build',
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
  'requireCheckbox',
  'requireValueInList',
  'requireNumberBetween',
  'requireNumberGreaterThan',
  'requireNumberGreaterThanOrEqualTo',
  'requireDate',
  'requireTextIsEmail',
  'requireFormulaSatisfied',
  'setAllowInvalid',
  'setHelpText',
  'withCriteria',
] as const;

export class EmulatedDataValidationBuilder implements Pick<
  DataValidationBuilder,
  (typeof BUILDER_METHODS)[number]
> {
  constructor(
    readonly env: Env,
    private state: BuilderState = {},
  ) {}

  private _set(criteria: CriteriaName, args: readonly unknown[]): DataValidationBuilder {
    this.state.criteria = criteria;
    this.state.args = Object.freeze(args.slice());
    return gas(this.env.wrap(this, 'DataValidationBuilder'));
  }

  build(): DataValidation {
    const { criteria, args, allowInvalid, helpText } = this.state;
    if (criteria === undefined) throw this.env.exception('You must specify a data validation rule criteria.');
    const spec: ValidationSpec = Object.freeze({
      criteria,
      args: args ?? [],
      allowInvalid: allowInvalid ?? true,
      helpText: helpText ?? '',
    });
    return gas(this.env.wrap(new EmulatedDataValidation(this.env, spec), 'DataValidation'));
  }
  copy(): DataValidationBuilder {
    return gas(
      this.env.wrap(new EmulatedDataValidationBuilder(this.env, { ...this.state }), 'DataValidationBuilder'),
    );
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid ?? true;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return gas(DataValidationCriteria[(this.state.criteria ?? 'CUSTOM_FORMULA') as CriteriaName]);
  }
  getCriteriaValues(): unknown[] {
    return this.env.list(this.state.args ?? []);
  }
  getHelpText(): string | null {
    return this.state.helpText ?? null;
  }
  requireCheckbox(...args: unknown[]): DataValidationBuilder {
    return this._set('CHECKBOX', args.slice(0, 2));
  }
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values)) {
      throw this.env.exception(
        `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`,
      );
    }
    return this._set('VALUE_IN_LIST', [Object.freeze(values.map((v) => String(v))), showDropdown ?? true]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThan(n: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate(): DataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.state.allowInvalid = Boolean(allowInvalidData);
    return gas(this.env.wrap(this, 'DataValidationBuilder'));
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.state.helpText = String(helpText);
    return gas(this.env.wrap(this, 'DataValidationBuilder'));
  }
  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): DataValidationBuilder {
    const member = enumMember(DataValidationCriteria, criteria);
    if (!member) throw this.env.exception('Invalid argument: criteria');
    return this._set(member.name() as CriteriaName, Array.isArray(args) ? args : []);
  }
}

/** The stored rule of a setDataValidation argument: only this emulation's rules (or null) are accepted. */
export function specOf(env: Env, rule: unknown, method: string): ValidationSpec | undefined {
  if (rule === null || rule === undefined) return undefined;
  if (rule instanceof EmulatedDataValidation) return rule.spec;
  throw env.exception(
    `The parameters (${typeName(rule)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}

/** The rule insertCheckboxes() sets with no arguments, and a checkbox cell loaded from a workbook gets. */
export const CHECKBOX_SPEC: ValidationSpec = Object.freeze({
  criteria: 'CHECKBOX',
  args: Object.freeze([]),
  allowInvalid: true,
  helpText: '',
});
