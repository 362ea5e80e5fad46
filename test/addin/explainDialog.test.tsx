/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import { ExplainDialog } from '../../src/addin/taskpane/components/ExplainDialog';
import { ProfilePicker } from '../../src/addin/taskpane/components/ProfilePicker';
import type { Finding } from '../../src/engine/findings/types';
import { PROFILES } from '../../src/engine/profile/catalogue';

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: 'funds.over-execution',
  severity: 'warning',
  part: 'funds',
  cells: ['E5'],
  message: '（2）其他资金 全年执行数 27.00 超过全年预算数 25.00。',
  expected: '≤ 25.00',
  actual: '27.00',
  fix: null,
  key: {
    rule: 'funds.over-execution',
    sheet: 'S',
    labels: ['sources', '(2)其他资金', 'exec'],
    values: ['27'],
  },
  ...over,
});

const inFluent = (ui: React.ReactElement) =>
  render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('说明… (ExplainDialog)', () => {
  test('an error offers none', () => {
    inFluent(<ExplainDialog finding={finding({ severity: 'error' })} onSave={() => undefined} />);
    expect(screen.queryByTestId('explain')).toBeNull();
  });

  test('a warning: the text typed is saved', async () => {
    const saved: string[] = [];
    inFluent(<ExplainDialog finding={finding()} onSave={(t) => void saved.push(t)} />);
    fireEvent.click(screen.getByTestId('explain'));
    const box = await screen.findByTestId('explain-text');
    expect(screen.getByTestId('explain-save')).toHaveProperty('disabled', true);
    fireEvent.change(box, { target: { value: '  经批准追加  ' } });
    fireEvent.click(screen.getByTestId('explain-save'));
    await waitFor(() => expect(saved).toEqual(['经批准追加']));
    await waitFor(() => expect(screen.queryByTestId('explain-text')).toBeNull());
  });

  test('an info can be explained too; an outdated explanation says so', async () => {
    inFluent(
      <ExplainDialog
        finding={finding({
          severity: 'info',
          explanation: { text: '旧说明', by: null, at: 't', outdated: true },
        })}
        onSave={() => undefined}
      />,
    );
    expect(screen.getByTestId('explain').textContent).toBe('重新说明…');
    fireEvent.click(screen.getByTestId('explain'));
    expect((await screen.findByTestId('explain-outdated')).textContent).toContain('旧说明');
  });

  test('a failed save keeps the dialog open and says why', async () => {
    inFluent(
      <ExplainDialog
        finding={finding()}
        onSave={() => Promise.reject(new Error('工作簿是只读的'))}
      />,
    );
    fireEvent.click(screen.getByTestId('explain'));
    fireEvent.change(await screen.findByTestId('explain-text'), { target: { value: '说明' } });
    fireEvent.click(screen.getByTestId('explain-save'));
    expect(await screen.findByText('未能保存：工作簿是只读的')).toBeTruthy();
    expect(screen.getByTestId('explain-text')).toBeTruthy();
  });
});

describe('评分口径 (ProfilePicker)', () => {
  test('picking a profile, or the automatic choice, calls back; the hint says what was used', () => {
    const picked: (string | null)[] = [];
    inFluent(
      <ProfilePicker
        profiles={PROFILES}
        stored={null}
        used={{
          id: 'hubei-2020',
          name: '湖北 2020 项目（支出）绩效自评表',
          why: '表式为湖北 2020',
        }}
        onPick={(id) => picked.push(id)}
      />,
    );
    const select = screen.getByTestId('profile') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', ...PROFILES.map((p) => p.id)]);
    fireEvent.change(select, { target: { value: 'sichuan-0013zp' } });
    fireEvent.change(select, { target: { value: '' } });
    expect(picked).toEqual(['sichuan-0013zp', null]);
    expect(
      screen.getByText(/本次按“湖北 2020 项目（支出）绩效自评表”校验（表式为湖北 2020）/),
    ).toBeTruthy();
  });
});
