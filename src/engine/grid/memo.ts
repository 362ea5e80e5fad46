import type { SheetView } from './sheet';

/**
 * A table of answers kept per sheet view: the locator asks the same questions of a sheet in
 * several passes (every row that could start a header, both pattern lists), and the answers
 * are dropped with the view.
 */
export function perSheet<K, V>(): (sheet: SheetView) => Map<K, V> {
  const tables = new WeakMap<SheetView, Map<K, V>>();
  return (sheet) => {
    let table = tables.get(sheet);
    if (!table) tables.set(sheet, (table = new Map()));
    return table;
  };
}

/** The map's value at `key`, made by `make` the first time. */
export function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}
