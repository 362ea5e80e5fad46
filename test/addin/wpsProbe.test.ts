import { createFakeEt, type EtBook } from '../fakes/et/fakeEt';
import { cloneBook } from '../fakes/fromExcelJs';

// The probe is plain JavaScript for WPS (scripts/probe/wps/probe.js); it runs here as a JS macro
// would, with a global Application.
const { selfevalProbe } = require('../../scripts/probe/wps/probe.js') as {
  selfevalProbe(
    step: 1 | 2,
    log: (line: string) => void,
  ): { ok: boolean | null; name: string; line: string }[];
};

const g = globalThis as unknown as { Application?: unknown };
afterEach(() => delete g.Application);

function blankBook(): EtBook {
  return {
    sheets: [{ name: 'Sheet1', cells: {}, merges: [], notes: {} }],
    active: 'Sheet1',
    settings: {},
    selection: null,
  };
}

test('the probe passes every assumption against the fake ET model, and the XML part survives save and reopen', () => {
  const et = createFakeEt(blankBook());
  g.Application = et.app;
  const lines: string[] = [];
  const step1 = selfevalProbe(1, (l) => lines.push(l));
  // No browser here: navigator is Node's, so only the Chromium version cannot pass.
  const failed = step1.filter((r) => r.ok === false).map((r) => r.name);
  expect(failed.filter((n) => n !== 'chromium-version')).toEqual([]);
  expect(step1.map((r) => r.name)).toEqual(
    expect.arrayContaining([
      'value2-array',
      'formula-array',
      'numberformat-mixed-null',
      'nofill-value',
      'colour-order-bgr',
      'comment-add-delete',
      'merge-areas',
      'protected-sheet',
      'customxml-write',
    ]),
  );
  const reopened = createFakeEt(cloneBook(et.book));
  g.Application = reopened.app;
  const step2 = selfevalProbe(2, (l) => lines.push(l));
  expect(step2.map((r) => [r.name, r.ok])).toEqual([['customxml-after-reopen', true]]);
  expect(reopened.book.customXmlParts).toEqual([]);
});

test('the probe fails where WPS would differ: a host that reads colours as RGB is caught', () => {
  const et = createFakeEt(blankBook());
  const app = et.app;
  // A host whose Interior.Color were RGB: writing 255 would make blue, ColorIndex 5.
  g.Application = new Proxy(app, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (prop !== 'ActiveWorkbook' || !v) return v;
      return new Proxy(v, {
        get(wbT, p) {
          const sheets = Reflect.get(wbT, p);
          if (p !== 'Worksheets') return sheets;
          return new Proxy(sheets, {
            get(sT, q) {
              const f = Reflect.get(sT, q);
              if (q !== 'Add') return typeof f === 'function' ? f.bind(sT) : f;
              return (...args: unknown[]) => {
                const ws = f.apply(sT, args);
                const range = ws.Range.bind(ws);
                ws.Range = (a: string) => {
                  const r = range(a);
                  if (a !== 'F1') return r;
                  const it = r.Interior;
                  return new Proxy(r, {
                    get: (rT, k) =>
                      k === 'Interior'
                        ? new Proxy(it, {
                            set: (iT, c, value) =>
                              Reflect.set(iT, c, c === 'Color' && value === 255 ? 0xff0000 : value),
                          })
                        : Reflect.get(rT, k),
                  });
                };
                return ws;
              };
            },
          });
        },
      });
    },
  });
  const results = selfevalProbe(1, () => undefined);
  const colour = results.find((r) => r.name === 'colour-order-bgr')!;
  expect(colour.ok).toBe(false);
  expect(colour.line).toContain('ColorIndex 5');
});
