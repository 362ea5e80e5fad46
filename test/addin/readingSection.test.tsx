/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { ReadingSection } from '../../src/addin/taskpane/components/ReadingSection';
import { checkRows } from '../helpers/check';
import { projectForm } from '../helpers/forms';
import { setCell } from '../helpers/grid';

/** The pane's 读取方式 (issue 18 item 5): what the CLI's `reading` says, for the person to check. */
test('shows each column’s role, what was guessed, the total row and the choices made', () => {
  const rows = projectForm();
  setCell(rows, 'E5', '实际支付金额');
  rows[rows.length - 1] = [null, '其他需要说明事项', '无', null, '总分', 100, 99.5, '优'];
  const reading = checkRows(rows).reading;
  if (!reading) throw new Error('no reading');
  render(
    <FluentProvider theme={webLightTheme}>
      <ReadingSection reading={reading} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: /读取方式/ }));
  const section = screen.getByRole('region', { name: '读取方式' });
  expect(section.textContent).toContain('E 列 → 全年执行数（表头“实际支付金额”）推测');
  expect(section.textContent).toContain('总分在第 17 行');
  expect(section.textContent).toContain('按表内勾稽选择：第 17 行是总分行（“总分”在 E17）');
});

test('a person corrects a column’s role or the total row; a refused correction says why', async () => {
  const reading = checkRows(projectForm()).reading;
  if (!reading) throw new Error('no reading');
  const asked: unknown[] = [];
  const onCorrect = jest.fn(async (c: unknown) => {
    asked.push(c);
    return asked.length === 2 ? '不能这样更正：绩效指标部分必须有一列“得分”。' : null;
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <ReadingSection reading={reading} onCorrect={onCorrect} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: /读取方式/ }));
  const button = screen.getByRole('button', { name: '更正这一列' });
  expect((button as HTMLButtonElement).disabled).toBe(true); // no column named yet
  fireEvent.change(screen.getByRole('textbox', { name: '列' }), { target: { value: 'e' } });
  fireEvent.change(screen.getByRole('combobox', { name: '这一列是' }), {
    target: { value: 'rate' },
  });
  fireEvent.click(button);
  await screen.findByText('已更正，并按新的读取方式重新校验。');
  expect(asked[0]).toEqual({ kind: 'column', part: 'funds', column: 'E', role: 'rate' });

  fireEvent.change(screen.getByRole('spinbutton', { name: '总分所在行' }), {
    target: { value: '16' },
  });
  fireEvent.click(screen.getByRole('button', { name: '这一行是总分' }));
  await screen.findByText(/不能这样更正/);
  expect(asked[1]).toEqual({ kind: 'totalRow', row: 16 });
});
