import type { EtApplication } from './et';

/** A WPS task pane (Application.CreateTaskPane). */
export interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
}

/**
 * What a WPS 加载项 page sees besides ET: task panes, dialogs and PluginStorage, on
 * `window.Application` (also offered on the `wps` global by older WPS builds).
 */
export interface WpsHostApp extends EtApplication {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: string | number): WpsTaskPane | null;
  ShowDialog(url: string, caption: string, width: number, height: number, modal?: boolean): void;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

type WpsWindow = {
  Application?: WpsHostApp;
  wps?: Partial<WpsHostApp> & { Application?: WpsHostApp };
};

/** The WPS application, or null outside WPS. */
export function wpsApplication(w: unknown = globalThis): WpsHostApp | null {
  const g = w as WpsWindow;
  return g.Application ?? g.wps?.Application ?? null;
}

/**
 * A host function (CreateTaskPane, GetTaskPane, ShowDialog) from Application, or from the `wps`
 * global where an older WPS offers it only there.
 */
export function hostFunction<K extends 'CreateTaskPane' | 'GetTaskPane' | 'ShowDialog'>(
  app: WpsHostApp,
  name: K,
  w: unknown = globalThis,
): WpsHostApp[K] {
  const own = app[name];
  if (typeof own === 'function') return own.bind(app) as WpsHostApp[K];
  const legacy = (w as WpsWindow).wps?.[name];
  if (typeof legacy === 'function') return legacy as WpsHostApp[K];
  throw new Error(`WPS 没有 ${name}`);
}

/** The folder of the current page, for absolute URLs (CreateTaskPane and ShowDialog want them). */
export function pageFolder(href: string): string {
  return href.replace(/[^/]*(?:[?#].*)?$/, '');
}
