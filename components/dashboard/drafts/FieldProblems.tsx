// A field's problems as antd shows a form field's state: orange "to fix before release", red when
// the value could not even be saved.
import { Typography, type FormItemProps } from 'antd';
import type { DraftProblem } from './types';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * `group`: the field holds several inputs (image list, variants grid) that show their own state;
 * the problem is said under the group without colouring every input in it.
 */
export function fieldState(problems: DraftProblem[], field: string, held: DraftProblem[] = [], group = false): Pick<FormItemProps, 'validateStatus' | 'help'> {
  const notSaved = held.filter((p) => p.field === field);
  const mine = problems.filter((p) => p.field === field && !notSaved.some((h) => h.message === p.message));
  const all = [...notSaved, ...mine];
  if (!all.length) return {};
  const status = notSaved.length ? 'error' : 'warning';
  const help = (
    <span data-testid={`draft-problem-${field}`}>
      {all.map((p) => (
        <div key={p.message}>{group ? <Typography.Text type={status === 'error' ? 'danger' : 'warning'}>{sentence(p.message)}</Typography.Text> : sentence(p.message)}</div>
      ))}
    </span>
  );
  return group ? { help } : { validateStatus: status, help };
}
