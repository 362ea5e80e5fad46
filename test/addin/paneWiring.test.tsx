/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'fs';
import * as path from 'path';
import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { App } from '../../src/addin/taskpane/App';
import { EXPLANATIONS_NAMESPACE } from '../../src/engine/explain/types';
import { createFakeHost, type FakeHost } from '../fakes/fakeExcel';
import { fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { FIXTURES } from '../helpers/cli';

/** The pane over the real gateway and the fake Excel: 读取方式, 说明… and the profile choice wired. */
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
jest.setTimeout(90_000);

let host: FakeHost;
beforeEach(async () => {
  host = createFakeHost(
    await fakeBookFromXlsx(readFileSync(path.join(FIXTURES, 'yuelu-2022.xlsx'))),
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={createExcelGateway(host)} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  await screen.findByLabelText('校验摘要', {}, { timeout: 30_000 });
});

test('each checked form shows its 读取方式', () => {
  expect(screen.getByRole('button', { name: /读取方式/ })).toBeTruthy();
});

test('说明… on warnings and infos only; saved in the workbook, shown after the re-check', async () => {
  const errors = screen.getByRole('region', { name: /^错误/ });
  expect(within(errors).queryAllByTestId('explain')).toHaveLength(0);
  const warnings = screen.getByRole('region', { name: /^警告/ });
  const buttons = within(warnings).getAllByTestId('explain');
  expect(buttons.length).toBe(within(warnings).getAllByRole('listitem').length);
  fireEvent.click(buttons[0]);
  fireEvent.change(await screen.findByTestId('explain-text'), {
    target: { value: '经财政局批准调整预算。' },
  });
  fireEvent.click(screen.getByTestId('explain-save'));
  expect((await screen.findByTestId('explanation', {}, { timeout: 30_000 })).textContent).toContain(
    '经财政局批准调整预算。',
  );
  expect(host.book.xmlParts?.[0].xml).toContain(EXPLANATIONS_NAMESPACE);
  expect(host.book.xmlParts?.[0].xml).toContain('经财政局批准调整预算。');
});

test('the profile choice sits under the toolbar, is stored in the workbook and names what was used', async () => {
  const select = screen.getByTestId('profile') as HTMLSelectElement;
  const group = screen.getByRole('group', { name: '操作' });
  // right under the toolbar
  expect(group.compareDocumentPosition(select) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(document.body.textContent).toContain('本次按“');
  fireEvent.change(select, { target: { value: 'yunnan' } });
  await waitFor(() => expect(host.book.xmlParts?.[0].xml).toContain('profile="yunnan"'), {
    timeout: 30_000,
  });
  await waitFor(() => expect(document.body.textContent).toContain('工作簿中保存的选择'), {
    timeout: 30_000,
  });
  expect((screen.getByTestId('profile') as HTMLSelectElement).value).toBe('yunnan');
});

test('a reading corrected in 读取方式 is stored in the workbook and the sheet is checked so', async () => {
  fireEvent.click(screen.getByRole('button', { name: /读取方式/ }));
  const warnings = () => screen.queryByRole('region', { name: /^警告/ })?.textContent ?? '';
  expect(warnings()).toContain('I21');
  fireEvent.change(screen.getByRole('combobox', { name: '部分' }), {
    target: { value: 'indicators' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: '列' }), { target: { value: 'I' } });
  fireEvent.click(screen.getByRole('button', { name: '更正这一列' }));
  await waitFor(() => expect(host.book.xmlParts?.[0].xml).toContain('<reading sheet='), {
    timeout: 30_000,
  });
  await waitFor(() => expect(document.body.textContent).toContain('已按使用者更正'), {
    timeout: 30_000,
  });
  expect(warnings()).not.toContain('I21');
});
