import { DOMParser } from '@xmldom/xmldom';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import {
  hostFunction,
  pageFolder,
  type WpsHostApp,
  wpsApplication,
} from '../../src/addin/wps/wpsHost';

// The build's plain-JavaScript helpers (scripts/wps), tested without running webpack.
const { checkCode } = require('../../scripts/wps/check-es2017.js') as {
  checkCode(code: string): { syntax: string[]; lookbehind: string[]; newer: string[] };
};
const { packageWps } = require('../../scripts/wps/package.js') as {
  packageWps(dir: string, base?: string): { publish: string; offline: string; folder: string };
};
const { version } = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));

const ROOT = path.resolve(__dirname, '../..');
const xml = (s: string) => new DOMParser().parseFromString(s, 'text/xml');

describe('the ES2017 check can fail', () => {
  test.each([
    ['optional chaining', 'var a = b?.c;'],
    ['nullish coalescing', 'var a = b ?? 1;'],
    ['object spread', 'var a = { ...b };'],
    ['a named group', 'var r = /(?<year>\\d{4})/;'],
    ['the s flag', 'var r = /a.b/s;'],
  ])('%s is refused', (_what, code) => {
    const r = checkCode(code);
    expect(r.syntax.length + r.newer.length).toBeGreaterThan(0);
  });

  test('ES2017 passes; a lookbehind is listed, not refused', () => {
    expect(checkCode('async function f(){ await 1; } var s = "a".padStart(2);')).toEqual({
      syntax: [],
      lookbehind: [],
      newer: [],
    });
    expect(checkCode('var r = /(?<!a)b/g;')).toEqual({
      syntax: [],
      lookbehind: ['/(?<!a)b/g'],
      newer: [],
    });
  });
});

describe('the ribbon and the packages', () => {
  test('ribbon.xml: customUI 2006, the three buttons, every callback defined by main.ts', () => {
    const doc = xml(readFileSync(path.join(ROOT, 'src/addin/wps/ribbon.xml'), 'utf8'));
    const root = doc.documentElement!;
    expect(root.namespaceURI).toBe('http://schemas.microsoft.com/office/2006/01/customui');
    const buttons = Array.from(doc.getElementsByTagName('button'));
    expect(buttons.map((b) => b.getAttribute('label'))).toEqual(['校验', '校验结果', '清除标记']);
    const main = readFileSync(path.join(ROOT, 'src/addin/wps/main.ts'), 'utf8');
    const exported = /Object\.assign\(window, \{([^}]*)\}\)/
      .exec(main)![1]
      .split(',')
      .map((s) => s.trim());
    const callbacks = [
      root.getAttribute('onLoad'),
      ...buttons.flatMap((b) =>
        ['onAction', 'getEnabled', 'getImage'].map((a) => b.getAttribute(a)),
      ),
    ];
    for (const c of callbacks) expect(exported).toContain(c);
  });

  test('publish.xml names the served folder; jsplugins.xml the offline folder; the scripts are filled in', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wps-'));
    const addin = path.join(dir, 'addin');
    mkdirSync(addin);
    writeFileSync(path.join(addin, 'ribbon.xml'), '<customUI/>');
    const out = packageWps(addin, 'http://10.0.0.8/selfeval');
    const pub = xml(readFileSync(path.join(out.publish, 'publish.xml'), 'utf8'));
    const online = pub.getElementsByTagName('jspluginonline')[0];
    expect([
      online.getAttribute('name'),
      online.getAttribute('type'),
      online.getAttribute('url'),
    ]).toEqual(['selfeval', 'et', 'http://10.0.0.8/selfeval/']);
    expect(readFileSync(path.join(out.publish, 'selfeval/ribbon.xml'), 'utf8')).toBe('<customUI/>');
    expect(out.folder).toBe(`selfeval_${version}`);
    const off = xml(readFileSync(path.join(out.offline, 'jsplugins.xml'), 'utf8'));
    const plugin = off.getElementsByTagName('jsplugin')[0];
    expect([
      plugin.getAttribute('name'),
      plugin.getAttribute('type'),
      plugin.getAttribute('version'),
    ]).toEqual(['selfeval', 'et', version]);
    expect(readFileSync(path.join(out.offline, out.folder, 'ribbon.xml'), 'utf8')).toBe(
      '<customUI/>',
    );
    for (const f of ['install-offline.sh', 'uninstall-offline.sh']) {
      const sh = readFileSync(path.join(out.offline, f), 'utf8');
      expect(sh).not.toMatch(/__NAME__|__FOLDER__/);
      expect(sh).toContain('.local/share/Kingsoft/wps/jsaddons');
    }
  });
});

describe('the WPS host globals', () => {
  test('Application first, the wps global of an older WPS second; page folders for absolute URLs', () => {
    const pane = { ID: 1, Visible: false };
    const own = { CreateTaskPane: () => pane } as unknown as WpsHostApp;
    expect(hostFunction(own, 'CreateTaskPane', {})('x')).toBe(pane);
    const bare = {} as WpsHostApp;
    const legacy = { wps: { CreateTaskPane: () => pane, Application: bare } };
    expect(wpsApplication(legacy)).toBe(bare);
    expect(hostFunction(bare, 'CreateTaskPane', legacy)('x')).toBe(pane);
    expect(() => hostFunction(bare, 'ShowDialog', legacy)).toThrow('ShowDialog');
    expect(wpsApplication({})).toBeNull();
    expect(pageFolder('http://127.0.0.1:3889/selfeval/index.html?x=1')).toBe(
      'http://127.0.0.1:3889/selfeval/',
    );
  });
});
