import { Targets } from '../../src/cli/files';

describe('Targets: the packed list of files, sent from the folder search thread as data', () => {
  test('comes back from its data the same: order, plain files, copies, problems, reports', () => {
    const list = new Targets();
    const plain = Array.from({ length: 2500 }, (_, i) => ({ file: `in/第${i}.xlsx`, outName: '' }));
    plain.slice(0, 1500).forEach((t) => list.push(t));
    list.push({ file: 'in/坏文件夹', outName: '', problem: '没有读取该文件夹的权限。' });
    list.push({ file: 'in/x.xlsx', outName: 'x.checked.xlsx', report: 'in/x.docx' });
    plain.slice(1500).forEach((t) => list.push(t));
    // Structured clone is what postMessage does to it.
    const back = Targets.fromData(structuredClone(list.toData()));
    expect(back.length).toBe(2502);
    expect([...back]).toEqual([...list]);
    expect(back.at(1500)).toEqual({
      file: 'in/坏文件夹',
      outName: '',
      problem: '没有读取该文件夹的权限。',
    });
    expect(back.at(2501)).toEqual({ file: 'in/第2499.xlsx', outName: '' });
    expect(back.documents).toBe(list.documents);
  });
});
