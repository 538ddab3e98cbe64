// What a CLI command is: a name, its options and a thin run over one server function (see commands/).
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  progress: (s: string) => void;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface OptionSpec {
  type: 'string' | 'boolean';
  required?: boolean;
  /** May be given more than once (its value is then a list). */
  multiple?: boolean;
  help: string;
  value?: string;
}

export interface Command {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  run(v: Values, io: Io): Promise<number>;
}

/** The options every command takes. */
export const COMMON: Record<string, OptionSpec> = {
  workbook: { type: 'string', required: true, help: 'the .xlsx workbook', value: 'W.xlsx' },
  today: {
    type: 'string',
    help: 'the date the action counts as today (default: the real date)',
    value: 'YYYY-MM-DD',
  },
  json: { type: 'boolean', help: 'print the result as JSON' },
};
