// Streaming one XML part of the workbook through a SAX parser: memory stays at one chunk, whatever the
// size of the sheet. Element names come without their namespace prefix (some writers use x:row).
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { Zip } from './zip';

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attributes): void;
  /** Character data (text and CDATA) between tags. */
  text?(text: string): void;
  close?(name: string): void;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export async function parsePart(zip: Zip, part: string, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (node) => handler.open(local(node.name), node.attributes as Attributes));
  const text = handler.text?.bind(handler);
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const close = handler.close?.bind(handler);
  if (close) parser.on('closetag', (node) => close(local(node.name)));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of zip.open(part)) {
    parser.write(decoder.write(chunk as Buffer));
    if (failure) throw new Error(`${part}: ${failure.message}`);
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw new Error(`${part}: ${failure.message}`);
}

/** XML's true: "1" or "true". */
export function xmlTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}
