import { meta as followUp } from '../rules/fix/follow-up';
import { ruleMeta } from '../rules';
import { fill } from '../rules/rule';
import { compareFindings } from '../findings/order';
import type { CheckResult, Finding, Fix } from '../findings/types';
import { parseA1 } from '../grid/address';
import type { GridSnapshot } from '../grid/types';
import { applyFixes, valueAt } from './apply';

/**
 * docs/rules.md#r-4a: the fixes offered together are one consistent plan. Applying all of them and
 * checking again gives no new finding and no further fix.
 *
 * The plan is found by doing what 全部修正 does, in memory: write every offered fix into a copy
 * of the sheet's snapshot, locate and check the copy again, and repeat while the check offers
 * fixes. That works in dependency order by itself (parts → totals → rates → execution score →
 * indicator scores → total score): a rate that only becomes computable once a blank 合计 is filled
 * is offered in the second round, on the values as they will be; a 总分 offered from a score that
 * is itself corrected is offered again from the corrected one. The plan is every cell written,
 * with the value it holds at the end. A cell that ends where it started needs no fix ('undone').
 *
 * A cell is dropped (no fix offered for it, and the plan is worked out again without it) when
 * - two findings of one round want it to hold different values ('conflict');
 * - it is still changing after MAX_ROUNDS re-checks, or its fix is offered again once written
 *   ('unsettled');
 * - with the plan applied, an error still stands on it, or an error the first check did not have
 *   names it or follows from writing it, or the 资金来源 and 资金结构 totals disagree on it
 *   ('contradicted'). docs/rules.md#r-4a: when the two totals disagree and each agrees with its
 *   own parts, which one is wrong is not known, so neither gets a fix.
 * Finally the plan is checked the way the user's re-check will check it: the sheet with the plan
 * applied, planned again, must need nothing more.
 */
export type DropReason = 'conflict' | 'undone' | 'unsettled' | 'contradicted';

export interface PlannedFix extends Fix {
  /** The check that offered the final value: 1 is the first check, 2 the re-check after round 1… */
  round: number;
  /** The finding that offered it, and the index of its result (form) in that check. */
  finding: Finding;
  result: number;
}

/** A finding of the check after the plan, and the index of its result (form). */
export interface Revealed {
  finding: Finding;
  result: number;
}

export interface FixPlan {
  /** One fix per cell, with the value the cell holds once the plan is applied. */
  fixes: PlannedFix[];
  dropped: { cell: string; reason: DropReason }[];
  /** Checks run on the fixed copy (0 when nothing was offered). */
  rounds: number;
  /** The results of checking the sheet with the plan applied. */
  after: CheckResult[];
  /** Warnings of `after` that the first check did not have: what the corrected values bring to light. */
  revealed: Revealed[];
}

/** Locates and checks one sheet's snapshot: one result per form on it. */
export type Recheck = (snapshot: GridSnapshot) => CheckResult[];

/** Re-checks of one attempt at most; forms settle in two or three (totals, then rates, then scores). */
export const MAX_ROUNDS = 5;
/** Attempts at most (each drops more cells); past that no fix is offered at all. */
const MAX_ATTEMPTS = 6;

/** An error whose rule says either of the totals it names may be the wrong one (RuleMeta.fixPolicy). */
const eitherMayBeWrong = (f: Finding): boolean =>
  ruleMeta(f.rule)?.fixPolicy === 'either-may-be-wrong';

type Offer = { value: string; finding: Finding; result: number };

type Attempt =
  | {
      kind: 'settled';
      fixes: PlannedFix[];
      undone: string[];
      rounds: number;
      after: CheckResult[];
      revealed: Revealed[];
    }
  | { kind: 'drop'; cells: Set<string>; reason: DropReason };

/** One round of an attempt: the sheet before it, what it wrote, and the check after. */
interface Round {
  before: GridSnapshot;
  changes: Fix[];
  after: CheckResult[];
}

function alarmKey(f: Finding): string {
  return `${f.rule}@${f.cells[0] ?? ''}`;
}

const hasAlarm = (results: CheckResult[], key: string) =>
  results.some((r) => r.findings.some((f) => f.severity !== 'info' && alarmKey(f) === key));

const offersAny = (results: CheckResult[]) => results.some((r) => r.findings.some((f) => f.fix));

/** Every fix the results offer, by cell, leaving out dropped cells. */
function offersOf(results: CheckResult[], dropped: Set<string>): Map<string, Offer[]> {
  const out = new Map<string, Offer[]>();
  results.forEach((r, result) => {
    for (const finding of r.findings) {
      if (!finding.fix || dropped.has(finding.fix.cell)) continue;
      const list = out.get(finding.fix.cell) ?? [];
      list.push({ value: finding.fix.value, finding, result });
      out.set(finding.fix.cell, list);
    }
  });
  return out;
}

/** The value and number format at a cell, to tell whether a fix changed anything. */
function cellState(snapshot: GridSnapshot, cell: string): string {
  const ref = parseA1(cell);
  if (!ref) return '';
  const format =
    snapshot.numberFormats?.[ref.row - snapshot.originRow]?.[ref.col - snapshot.originCol] ?? null;
  return JSON.stringify([valueAt(snapshot, ref), format]);
}

function attempt(
  snapshot: GridSnapshot,
  first: CheckResult[],
  dropped: Set<string>,
  recheck: Recheck,
): Attempt {
  let current = snapshot;
  let results = first;
  const plan = new Map<string, PlannedFix>();
  const rounds: Round[] = [];
  for (let round = 1; ; round++) {
    const offers = offersOf(results, dropped);
    const conflicts = new Set(
      [...offers]
        .filter(([, list]) => new Set(list.map((o) => o.value)).size > 1)
        .map(([cell]) => cell),
    );
    if (conflicts.size) return { kind: 'drop', cells: conflicts, reason: 'conflict' };
    // A fix offered again after it was written does not take: it would be offered forever.
    const stuck = new Set(
      [...offers.keys()].filter((cell) => plan.get(cell)?.value === offers.get(cell)?.[0].value),
    );
    if (stuck.size) return { kind: 'drop', cells: stuck, reason: 'unsettled' };
    const changes = [...offers];
    if (changes.length === 0)
      return settledOrContradicted(snapshot, current, first, plan, rounds, recheck);
    if (round > MAX_ROUNDS)
      return { kind: 'drop', cells: new Set(changes.map(([cell]) => cell)), reason: 'unsettled' };
    for (const [cell, [offer]] of changes)
      plan.set(cell, {
        cell,
        value: offer.value,
        round,
        finding: offer.finding,
        result: offer.result,
      });
    const writes = changes.map(([cell, [offer]]) => ({ cell, value: offer.value }));
    const before = current;
    current = applyFixes(current, writes);
    results = recheck(current);
    rounds.push({ before, changes: writes, after: results });
    // The fixes must not change what is found where (a form lost or split): undo them all.
    if (results.length !== first.length)
      return { kind: 'drop', cells: new Set(writes.map((w) => w.cell)), reason: 'contradicted' };
  }
}

/**
 * The fixes to blame for a new error that names no fixed cell (a 总分 that no longer matches
 * once a score is corrected, when the 总分 itself gets no fix): the writes of the round after
 * which it first appears that bring it about on their own, else all of that round's writes.
 */
function blame(key: string, rounds: Round[], recheck: Recheck): string[] {
  const k = rounds.findIndex((r) => hasAlarm(r.after, key));
  if (k < 0) return [];
  const { before, changes } = rounds[k];
  if (changes.length > 1) {
    const alone = changes.filter((c) => hasAlarm(recheck(applyFixes(before, [c])), key));
    if (alone.length) return alone.map((c) => c.cell);
  }
  return changes.map((c) => c.cell);
}

/**
 * The settled plan, unless the sheet with the plan applied has an error the first check did not
 * have, or one that still stands on a fixed cell: then the fixes behind it are dropped.
 */
function settledOrContradicted(
  snapshot: GridSnapshot,
  final: GridSnapshot,
  first: CheckResult[],
  plan: Map<string, PlannedFix>,
  rounds: Round[],
  recheck: Recheck,
): Attempt {
  const after = rounds.length ? rounds[rounds.length - 1].after : first;
  const before = new Set(
    first.flatMap((r) => r.findings.filter((f) => f.severity !== 'info').map(alarmKey)),
  );
  const contradicted = new Set<string>();
  for (const r of after) {
    for (const f of r.findings) {
      if (f.severity !== 'error') continue;
      const hit = f.cells.filter((c) => plan.has(c));
      const fresh = !before.has(alarmKey(f));
      if (hit.length && (plan.has(f.cells[0]) || fresh || eitherMayBeWrong(f)))
        hit.forEach((c) => contradicted.add(c));
      else if (fresh) blame(alarmKey(f), rounds, recheck).forEach((c) => contradicted.add(c));
    }
  }
  if (contradicted.size) return { kind: 'drop', cells: contradicted, reason: 'contradicted' };
  // A cell that ends as it started (a 总分 first offered from a blank score, then from the right one) needs no fix.
  const undone = [...plan.keys()].filter(
    (cell) => cellState(final, cell) === cellState(snapshot, cell),
  );
  // Warnings the corrected values bring to light (a rate below 90% once its 合计 is filled): said beforehand.
  const revealed = after.flatMap((r, result) =>
    r.findings
      .filter((f) => f.severity === 'warning' && !before.has(alarmKey(f)))
      .map((finding) => ({ finding, result })),
  );
  return {
    kind: 'settled',
    fixes: [...plan.values()].filter((f) => !undone.includes(f.cell)),
    undone,
    rounds: rounds.length,
    after,
    revealed,
  };
}

/** One plan from the first check: attempts, each dropping what the one before could not settle. */
function planOnce(snapshot: GridSnapshot, first: CheckResult[], recheck: Recheck): FixPlan | null {
  const dropped = new Map<string, DropReason>();
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const a = attempt(snapshot, first, new Set(dropped.keys()), recheck);
    if (a.kind === 'drop') {
      for (const cell of a.cells) dropped.set(cell, a.reason);
      continue;
    }
    for (const cell of a.undone) dropped.set(cell, 'undone');
    return {
      fixes: a.fixes,
      dropped: [...dropped].map(([cell, reason]) => ({ cell, reason })),
      rounds: a.rounds,
      after: a.after,
      revealed: a.revealed,
    };
  }
  return null;
}

/** The plan, then what planning the sheet with that plan applied adds (later values win). */
function merged(plan: FixPlan, more: FixPlan): FixPlan {
  const fixes = new Map(plan.fixes.map((f) => [f.cell, f]));
  for (const f of more.fixes) fixes.set(f.cell, { ...f, round: f.round + plan.rounds });
  const dropped = [...plan.dropped, ...more.dropped].filter(
    (d, i, all) => !fixes.has(d.cell) && all.findIndex((x) => x.cell === d.cell) === i,
  );
  const seen = new Set(plan.revealed.map((r) => alarmKey(r.finding)));
  return {
    fixes: [...fixes.values()],
    dropped,
    rounds: plan.rounds + more.rounds,
    after: more.after,
    revealed: [...plan.revealed, ...more.revealed.filter((r) => !seen.has(alarmKey(r.finding)))],
  };
}

/**
 * The consistent fix plan for one sheet: `first` is the sheet's check (one result per form, in
 * the order `recheck` returns them), `recheck` checks a changed copy of the snapshot.
 */
export function planFixes(snapshot: GridSnapshot, first: CheckResult[], recheck: Recheck): FixPlan {
  let plan = planOnce(snapshot, first, recheck);
  // The user's re-check plans the fixed sheet afresh: a dropped cell it would fix after all is
  // added now (later values win), so that the re-check has nothing left to offer.
  for (let i = 0; plan && offersAny(plan.after); i++) {
    const more = planOnce(applyFixes(snapshot, plan.fixes), plan.after, recheck);
    if (more && more.fixes.length === 0) break;
    plan = more && i < 2 ? merged(plan, more) : null;
  }
  if (plan) return plan;
  // Never settled: offering nothing is the one plan that is surely consistent.
  const offered = new Set(
    first.flatMap((r) => r.findings.flatMap((f) => (f.fix ? [f.fix.cell] : []))),
  );
  return {
    fixes: [],
    dropped: [...offered].map((cell) => ({ cell, reason: 'unsettled' })),
    rounds: 0,
    after: first,
    revealed: [],
  };
}

/** The finding that carries a fix the first check did not offer (see withPlan). */
export const FOLLOW_UP_RULE = followUp.id;

/**
 * The first check's results with the plan's fixes, so that the fixes the results offer are
 * exactly the plan:
 * - a finding keeps its fix when the plan writes its cell, with the plan's value (and then says
 *   so, and its `expected` is that value: a total that later rounds recomputed from corrected
 *   scores); it loses the fix when the plan dropped the cell;
 * - a cell the plan writes that no finding of the first check offered a fix for (a rate that
 *   becomes computable once a blank 合计 is filled) gets one new note (`fix.follow-up`, info:
 *   it does not change the counts of errors and warnings) on the form the later check found it
 *   on, with that check's message and the fix;
 * - a warning the corrected values bring to light (a rate below 90% once its 合计 is filled, a
 *   reason now due for a lowered score) is said beforehand in the same kind of note, without a
 *   fix, so the check after 全部修正 shows nothing that was not announced.
 * Every finding that carries a fix for a cell carries the same value, and `expected` is it.
 */
export function withPlan(first: CheckResult[], plan: FixPlan): CheckResult[] {
  const planned = new Map(plan.fixes.map((f) => [f.cell, f]));
  const offeredFirst = new Set(
    first.flatMap((r) => r.findings.flatMap((f) => (f.fix ? [f.fix.cell] : []))),
  );
  const added = new Map<number, Finding[]>();
  for (const p of plan.fixes) {
    if (offeredFirst.has(p.cell)) continue;
    const at = Math.min(p.result, first.length - 1);
    const list = added.get(at) ?? [];
    list.push({
      rule: FOLLOW_UP_RULE,
      severity: 'info',
      part: p.finding.part,
      cells: p.finding.cells,
      message: fill(followUp.messages.fix, { message: p.finding.message }),
      expected: p.value,
      actual: p.finding.actual,
      fix: { cell: p.cell, value: p.value },
    });
    added.set(at, list);
  }
  for (const { finding, result } of plan.revealed) {
    const at = Math.min(result, first.length - 1);
    added.set(at, [
      ...(added.get(at) ?? []),
      {
        ...finding,
        rule: FOLLOW_UP_RULE,
        severity: 'info',
        message: fill(followUp.messages.revealed, { message: finding.message }),
        // A note of what will be found, not a value for the cell: a cell has one expected value.
        expected: null,
        fix: null,
      },
    ]);
  }
  return first.map((r, i) => {
    const extra = added.get(i) ?? [];
    if (
      extra.length === 0 &&
      !r.findings.some((f) => f.fix && planned.get(f.fix.cell)?.value !== f.fix.value)
    )
      return r;
    const findings = r.findings.map((f): Finding => {
      if (!f.fix) return f;
      const p = planned.get(f.fix.cell);
      if (!p) return { ...f, fix: null };
      if (p.value === f.fix.value) return f;
      return {
        ...f,
        expected: p.value,
        message: `${f.message}按本次给出的其他修正改正后，应填 ${p.value}。`,
        fix: { cell: p.cell, value: p.value },
      };
    });
    return {
      ...r,
      findings: [...findings, ...extra].sort(compareFindings),
      summary: { ...r.summary, infos: r.summary.infos + extra.length },
    };
  });
}
