// SpreadsheetApp.getUi() (menus, alerts, prompts, sidebars, dialogs) and HtmlService, recording what
// the add-in shows so tests can assert it and answer its dialogs.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Button,
  ButtonSet,
  SandboxMode,
  XFrameOptionsMode,
  type ButtonName,
  type ButtonSetName,
} from './enums';
import { enumMember, Env, gas, type EnumValue } from './env';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GasButton = GoogleAppsScript.Base.Button;

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}
export type MenuEntry =
  | ({ type: 'item' } & MenuItemRecord)
  | { type: 'separator' }
  | { type: 'submenu'; title: string; entries: MenuEntry[] };

export interface MenuRecord {
  /** The caption of createMenu(caption); for createAddonMenu(), the add-on's name. */
  title: string;
  kind: 'custom' | 'addon';
  /** True for createAddonMenu(), false for createMenu(caption). */
  addon: boolean;
  /** Every item, including those of submenus, in order. */
  items: MenuItemRecord[];
  /** The menu as built, with separators and submenus. */
  entries: MenuEntry[];
}

export interface AlertRecord {
  title?: string;
  prompt: string;
  /** The ButtonSet name, when one was given. */
  buttons?: ButtonSetName;
  /** The button the (queued) user pressed. */
  response: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  responseText: string;
}

export interface HtmlRecord {
  title: string;
  html: string;
  width?: number;
  height?: number;
}
export interface DialogRecord extends HtmlRecord {
  modal: boolean;
}
export interface ToastRecord {
  message: string;
  title?: string;
  timeoutSeconds?: number;
}

export type ButtonAnswer = GasButton | ButtonName;

export interface UiRecorder {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  prompts: PromptRecord[];
  sidebars: HtmlRecord[];
  dialogs: DialogRecord[];
  toasts: ToastRecord[];
  /**
   * Answers for the next alerts, in order (Button values or their names). When empty, an alert is
   * answered with its button set's first button: OK for OK / OK_CANCEL, YES for YES_NO / YES_NO_CANCEL.
   */
  nextAlertResponses: ButtonAnswer[];
  /** Answers for the next prompts; when empty: the first button and ''. */
  nextPromptResponses: { button?: ButtonAnswer; text: string }[];
}

export function createUiRecorder(): UiRecorder {
  return {
    menus: [],
    alerts: [],
    prompts: [],
    sidebars: [],
    dialogs: [],
    toasts: [],
    nextAlertResponses: [],
    nextPromptResponses: [],
  };
}

const DEFAULT_ANSWER: Record<ButtonSetName, ButtonName> = {
  OK: 'OK',
  OK_CANCEL: 'OK',
  YES_NO: 'YES',
  YES_NO_CANCEL: 'YES',
};

function buttonName(answer: ButtonAnswer | undefined, set: ButtonSetName | undefined): ButtonName {
  if (answer === undefined) return DEFAULT_ANSWER[set ?? 'OK'];
  const member = enumMember(Button, answer);
  if (!member) throw new Error(`Not a Ui.Button: ${String(answer)}`);
  return member.name() as ButtonName;
}

class EmulatedMenu implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly env: Env,
    private readonly recorder: UiRecorder,
    readonly title: string,
    readonly kind: 'custom' | 'addon',
  ) {}

  private _self(): Menu {
    return gas(this.env.wrap(this, 'Menu'));
  }

  addItem(caption: string, functionName: string): Menu {
    this.entries.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
    return this._self();
  }
  addSeparator(): Menu {
    this.entries.push({ type: 'separator' });
    return this._self();
  }
  addSubMenu(menu: Menu): Menu {
    if (!(menu instanceof EmulatedMenu)) throw this.env.exception('Invalid argument: menu');
    this.entries.push({ type: 'submenu', title: menu.title, entries: menu.entries.slice() });
    return this._self();
  }
  addToUi(): void {
    const items: MenuItemRecord[] = [];
    const walk = (entries: MenuEntry[]): void => {
      for (const e of entries) {
        if (e.type === 'item') items.push({ caption: e.caption, functionName: e.functionName });
        else if (e.type === 'submenu') walk(e.entries);
      }
    };
    walk(this.entries);
    const record: MenuRecord = {
      title: this.title,
      kind: this.kind,
      addon: this.kind === 'addon',
      items,
      entries: this.entries.slice(),
    };
    // Adding a menu with the same title again (onOpen run twice) replaces it, as in the editor.
    const i = this.recorder.menus.findIndex((m) => m.title === record.title && m.kind === record.kind);
    if (i >= 0) this.recorder.menus[i] = record;
    else this.recorder.menus.push(record);
  }
}

export const UI_METHODS = [
  'alert',
  'createAddonMenu',
  'createMenu',
  'prompt',
  'showModalDialog',
  'showModelessDialog',
  'showSidebar',
] as const;

export class EmulatedUi implements Pick<Ui, 'Button' | 'ButtonSet' | (typeof UI_METHODS)[number]> {
  readonly Button = gas<typeof GoogleAppsScript.Base.Button>(Button);
  readonly ButtonSet = gas<typeof GoogleAppsScript.Base.ButtonSet>(ButtonSet);

  constructor(
    private readonly env: Env,
    private readonly recorder: UiRecorder,
    private readonly addonName: string,
  ) {}

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  private _dialogArgs(
    method: string,
    args: unknown[],
  ): { title?: string; prompt: string; set?: ButtonSetName } {
    const bad = (): Error =>
      this.env.exception(
        `The parameters (${args.map((a) => typeof a).join(',')}) don't match the method signature for Ui.${method}.`,
      );
    const asSet = (v: unknown): ButtonSetName => {
      const member: EnumValue | undefined = typeof v === 'object' ? enumMember(ButtonSet, v) : undefined;
      if (!member || member !== ButtonSet[member.name() as ButtonSetName]) throw bad();
      return member.name() as ButtonSetName;
    };
    if (args.length === 1) return { prompt: String(args[0]) };
    if (args.length === 2) return { prompt: String(args[0]), set: asSet(args[1]) };
    if (args.length === 3) return { title: String(args[0]), prompt: String(args[1]), set: asSet(args[2]) };
    throw bad();
  }

  alert(...args: unknown[]): GasButton {
    const { title, prompt, set } = this._dialogArgs('alert', args);
    const response = buttonName(this.recorder.nextAlertResponses.shift(), set);
    const record: AlertRecord = { prompt, response };
    if (title !== undefined) record.title = title;
    if (set !== undefined) record.buttons = set;
    this.recorder.alerts.push(record);
    return gas(Button[response]);
  }
  createAddonMenu(): Menu {
    return gas(this.env.wrap(new EmulatedMenu(this.env, this.recorder, this.addonName, 'addon'), 'Menu'));
  }
  createMenu(caption: string): Menu {
    return gas(this.env.wrap(new EmulatedMenu(this.env, this.recorder, String(caption), 'custom'), 'Menu'));
  }
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, set } = this._dialogArgs('prompt', args);
    const answer = this.recorder.nextPromptResponses.shift();
    const response = buttonName(answer?.button, set);
    const responseText = answer ? String(answer.text) : '';
    const record: PromptRecord = { prompt, response, responseText };
    if (title !== undefined) record.title = title;
    if (set !== undefined) record.buttons = set;
    this.recorder.prompts.push(record);
    const env = this.env;
    return gas(
      env.wrap(
        {
          getResponseText: (): string => responseText,
          getSelectedButton: (): GasButton => gas(Button[response]),
        },
        'PromptResponse',
      ),
    );
  }
  private _html(output: HtmlOutput, method: string): EmulatedHtmlOutput {
    if (!(output instanceof EmulatedHtmlOutput)) {
      throw this.env.exception(
        `The parameters (${typeof output}) don't match the method signature for Ui.${method}.`,
      );
    }
    return output;
  }
  private _record(o: EmulatedHtmlOutput, title: string): HtmlRecord {
    const record: HtmlRecord = { title, html: o.content };
    if (o.width !== undefined) record.width = o.width;
    if (o.height !== undefined) record.height = o.height;
    return record;
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    const o = this._html(userInterface, 'showModalDialog');
    this.recorder.dialogs.push({ ...this._record(o, String(title)), modal: true });
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    const o = this._html(userInterface, 'showModelessDialog');
    this.recorder.dialogs.push({ ...this._record(o, String(title)), modal: false });
  }
  showSidebar(userInterface: HtmlOutput): void {
    const o = this._html(userInterface, 'showSidebar');
    this.recorder.sidebars.push(this._record(o, o.title));
  }
}

// ---- HtmlService ------------------------------------------------------------------------------

export const OUTPUT_METHODS = [
  'addMetaTag',
  'append',
  'clear',
  'getContent',
  'getHeight',
  'getTitle',
  'getWidth',
  'setContent',
  'setHeight',
  'setSandboxMode',
  'setTitle',
  'setWidth',
  'setXFrameOptionsMode',
] as const;

export class EmulatedHtmlOutput implements Pick<HtmlOutput, (typeof OUTPUT_METHODS)[number]> {
  title = '';
  width: number | undefined;
  height: number | undefined;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly env: Env,
    public content: string,
  ) {}

  private _self(): HtmlOutput {
    return gas(this.env.wrap(this, 'HtmlOutput'));
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this._self();
  }
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this._self();
  }
  clear(): HtmlOutput {
    this.content = '';
    return this._self();
  }
  getContent(): string {
    return this.content;
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  getTitle(): string {
    return this.title;
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this._self();
  }
  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this._self();
  }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return this._self();
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this._self();
  }
  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this._self();
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return this._self();
  }
}

export class EmulatedHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile'
> {
  readonly SandboxMode = gas<typeof GoogleAppsScript.HTML.SandboxMode>(SandboxMode);
  readonly XFrameOptionsMode = gas<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(XFrameOptionsMode);

  constructor(
    private readonly env: Env,
    private readonly htmlDir: string,
  ) {}

  createHtmlOutput(html?: unknown): HtmlOutput {
    const text = html === undefined ? '' : String(html);
    return gas(this.env.wrap(new EmulatedHtmlOutput(this.env, text), 'HtmlOutput'));
  }
  /** Reads `${htmlDir}/${filename}.html` (a name ending in .html is used as is). */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename);
    const path = join(this.htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!existsSync(path)) throw this.env.exception(`No HTML file named ${name} was found.`);
    const output = new EmulatedHtmlOutput(this.env, readFileSync(path, 'utf8'));
    return gas(this.env.wrap(output, 'HtmlOutput'));
  }
}
