export function entryExports(entry?: string): Promise<string[]>;
export function globalStubs(names: string[], globalName?: string): string;
export function build(): Promise<{ names: string[]; pages: string[] }>;
