/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CheckOutcome, Gateway } from '../../src/addin/core/gateway';
import { App } from '../../src/addin/taskpane/App';

jest.setTimeout(240_000);

const notAForm: CheckOutcome = { kind: 'not-a-form', message: '没有找到' };

function stub(canOutline: boolean): jest.Mocked<Gateway> {
  return {
    check: jest.fn(async () => notAForm),
    select: jest.fn(async () => ({ kind: 'done' as const })),
    applyFixes: jest.fn(async () => notAForm),
    clearMarks: jest.fn(async () => ({ kind: 'cleared' as const, restored: 0 })),
    exportFindings: jest.fn(async () => ({ kind: 'done' as const })),
    ...(canOutline ? { canOutline } : {}),
  } as unknown as jest.Mocked<Gateway>;
}

const LABEL = /在表上框出读取区域/;

test('在表上框出读取区域: off by default, and 校验 sends what the box says', async () => {
  const gw = stub(true);
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gw} />
    </FluentProvider>,
  );
  const box = screen.getByRole('checkbox', { name: LABEL }) as HTMLInputElement;
  expect(box.checked).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: '校验' }));
  await waitFor(() => expect(gw.check).toHaveBeenCalledTimes(1));
  expect(gw.check.mock.calls[0][2]?.outline).toBe(false);
  await waitFor(() => expect(box.disabled).toBe(false));
  fireEvent.click(box);
  expect(box.checked).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: '全部工作表' }));
  await waitFor(() => expect(gw.check).toHaveBeenCalledTimes(2));
  expect(gw.check.mock.calls[1][0]).toBe('workbook');
  expect(gw.check.mock.calls[1][2]?.outline).toBe(true);
});

test('a gateway that cannot outline (WPS) shows no such box', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={stub(false)} />
    </FluentProvider>,
  );
  expect(screen.getByRole('button', { name: '校验' })).toBeTruthy();
  expect(screen.queryByRole('checkbox', { name: LABEL })).toBeNull();
});

test('清除标记 says the frames went too, not only the fills; frames alone are not "nothing to clear"', async () => {
  const gw = stub(true);
  gw.clearMarks
    .mockResolvedValueOnce({ kind: 'cleared', restored: 2, frames: 3 })
    .mockResolvedValueOnce({ kind: 'cleared', restored: 0, frames: 3 });
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gw} />
    </FluentProvider>,
  );
  const clear = screen.getByRole('button', { name: '清除标记' });
  fireEvent.click(clear);
  expect(
    await screen.findByText(
      '已恢复 2 个单元格的原有格式；去掉了 3 个读取区域的框线，原有边框已恢复。',
    ),
  ).toBeTruthy();
  await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(clear);
  expect(await screen.findByText('去掉了 3 个读取区域的框线，原有边框已恢复。')).toBeTruthy();
});
