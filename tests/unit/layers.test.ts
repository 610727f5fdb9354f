// The import-direction check (tests/tools/layers.ts) that `npm run check` runs: upward imports and
// feature imports ARCHITECTURE.md does not list are refused; the tree as it stands passes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowedFeatures, check, violation } from '../tools/layers';

const allowed = allowedFeatures(readFileSync('ARCHITECTURE.md', 'utf8'));

describe('layers', () => {
  it('refuses an import that points up', () => {
    expect(violation({ from: 'lib/commands/router.ts', to: 'lib/background/catalog.ts' }, allowed)).toMatch(/kernel imports composition/);
    expect(violation({ from: 'lib/sync/engine.ts', to: 'lib/background/start.ts' }, allowed)).toMatch(/feature imports composition/);
    expect(violation({ from: 'lib/db/types.ts', to: 'lib/stores/label.ts' }, allowed)).toMatch(/kernel imports feature/);
    expect(violation({ from: 'lib/orders/poll.ts', to: 'components/common/useJob.ts' }, allowed)).toMatch(/feature imports ui/);
  });

  it('lets a feature import only the features its row lists', () => {
    expect(violation({ from: 'lib/rules/commands.ts', to: 'lib/sync/capture.ts' }, allowed)).toBeNull();
    expect(violation({ from: 'lib/rules/commands.ts', to: 'lib/orders/views.ts' }, allowed)).toMatch(/feature rules imports feature orders/);
  });

  it('lets anything import down and a part import itself', () => {
    expect(violation({ from: 'entrypoints/background.ts', to: 'lib/background/start.ts' }, allowed)).toBeNull();
    expect(violation({ from: 'lib/background/parts.ts', to: 'lib/sync/drift.ts' }, allowed)).toBeNull();
    expect(violation({ from: 'lib/sync/push.ts', to: 'lib/platforms/types.ts' }, allowed)).toBeNull();
    expect(violation({ from: 'lib/commands/define.ts', to: 'lib/commands/errors.ts' }, allowed)).toBeNull();
  });

  it('passes on the tree as it stands', () => {
    expect(check(process.cwd())).toEqual([]);
  });
});
