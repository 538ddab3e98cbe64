// Offers text as a file download, with no Drive access: the browser saves it.
import { h } from './dom';

export type Save = (fileName: string, content: string, type?: string) => void;

export const download: Save = (fileName, content, type = 'text/plain') => {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
