import type { XmlPartsContext, XmlRun } from '../../src/addin/host/customXml';

/**
 * workbook.customXmlParts as Excel keeps them: each part's XML as added, its namespace the root
 * element's; commands queue and run at sync(); `items` and getXml().value throw until synced.
 */
export interface FakeXmlBook {
  parts: { id: string; xml: string }[];
  syncs: number;
}

function namespaceOf(xml: string): string | null {
  const root = /<(?!\?)(?!!)([\w.:-]+)([^>]*)>/.exec(xml);
  if (!root) return null;
  const prefix = root[1].includes(':') ? root[1].split(':')[0] : null;
  const re = prefix ? new RegExp(`xmlns:${prefix}=["']([^"']*)["']`) : /xmlns=["']([^"']*)["']/;
  return re.exec(root[2])?.[1] ?? null;
}

export function fakeXmlRun(book: FakeXmlBook): XmlRun {
  let next = book.parts.length + 1;
  return async <T>(batch: (context: XmlPartsContext) => Promise<T>) => {
    const queue: (() => void)[] = [];
    const context: XmlPartsContext = {
      workbook: {
        customXmlParts: {
          getByNamespace(ns) {
            let items: { id: string; getXml(): { value: string }; delete(): void }[] | null = null;
            const scoped = {
              get items() {
                if (!items) throw new Error('PropertyNotLoaded: items');
                return items;
              },
              load(properties: string) {
                if (properties !== 'items/id') throw new Error(`unexpected load ${properties}`);
                queue.push(() => {
                  items = book.parts
                    .filter((p) => namespaceOf(p.xml) === ns)
                    .map((p) => {
                      let value: string | null = null;
                      return {
                        id: p.id,
                        getXml() {
                          const result = {
                            get value(): string {
                              if (value === null) throw new Error('PropertyNotLoaded: value');
                              return value;
                            },
                          };
                          queue.push(
                            () => (value = book.parts.find((q) => q.id === p.id)?.xml ?? ''),
                          );
                          return result;
                        },
                        delete() {
                          queue.push(() => (book.parts = book.parts.filter((q) => q.id !== p.id)));
                        },
                      };
                    });
                });
                return scoped;
              },
            };
            return scoped;
          },
          add(xml) {
            if (!namespaceOf(xml)) throw new Error('InvalidArgument: the XML has no namespace');
            queue.push(() => book.parts.push({ id: `{part-${next++}}`, xml }));
            return {};
          },
        },
      },
      async sync() {
        book.syncs++;
        for (const cmd of queue.splice(0)) cmd();
      },
    };
    const out = await batch(context);
    await context.sync();
    return out;
  };
}
