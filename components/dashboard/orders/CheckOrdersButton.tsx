// "Check orders now": asks one store (or every store whose orders are followed) for its new
// orders at once instead of waiting for the next scheduled check, follows the job(s) and says
// what each check found. The stores' own rows show the time of the check afterwards.
import { App, Button, Dropdown, Tooltip } from 'antd';
import { DownOutlined, ReloadOutlined } from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import { call } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { storeLabel } from '@/lib/stores/label';
import { errorText } from '@/components/common/commandErrors';
import { isFinished, useJob, type JobView } from '@/components/common/useJob';
import type { StoreView } from '@/lib/stores/session';

/** Whether Shelfsync checks this store's orders (the background refuses a check otherwise). */
export const followsOrders = (s: Pick<StoreView, 'status' | 'orders'>) => s.status === 'active' && s.orders.enabled;

interface CheckResult { seen?: number; new?: number; changed?: number; skipped?: string }

export function checkResultText(store: string, job: JobView): string {
  const r = (job.result ?? {}) as CheckResult;
  if (r.skipped) return `${store}: ${r.skipped}`;
  if (!r.seen) return t('orders_checkNothing', store);
  return tn('orders_checkResult', r.seen, store, r.new ?? 0, r.changed ?? 0);
}

/** Follows one check's job and reports its end once. */
function Watch({ jobId, onEnd }: { jobId: number; onEnd: (job: JobView | null, pollError: string | null) => void }) {
  const { job, pollError } = useJob(jobId);
  const ended = isFinished(job) || pollError !== null;
  useEffect(() => {
    if (ended) onEnd(job ?? null, pollError);
  }, [ended]);
  return null;
}

export interface OrderChecks {
  check: (storeIds: number[]) => Promise<void>;
  /** A check of this store (or of any store) is running. */
  busy: (storeId?: number) => boolean;
  /** Follows the running checks: render once, where it stays mounted while they run (the
   *  button that started a check may go, e.g. an empty state replaced by the orders it found). */
  watchers: ReactNode;
}

/** The page's order checks: started from any of its buttons, reported when each ends. */
export function useOrderChecks(stores: StoreView[]): OrderChecks {
  const { message } = App.useApp();
  const [running, setRunning] = useState<{ storeId: number; jobId: number }[]>([]);
  const names = new Map(stores.map((s) => [s.id, s.name]));

  async function check(ids: number[]) {
    for (const id of ids) {
      try {
        const { jobId } = await call('orders.poll', { storeId: id });
        setRunning((r) => [...r, { storeId: id, jobId }]);
      } catch (err) {
        message.error(errorText(err));
      }
    }
  }

  const ended = (storeId: number, jobId: number, job: JobView | null, pollError: string | null) => {
    setRunning((r) => r.filter((x) => x.jobId !== jobId));
    const name = names.get(storeId) ?? `#${storeId}`;
    if (!job) message.error(pollError ?? t('orders_checkFailed', name));
    else if (job.status === 'succeeded') message.success(checkResultText(name, job));
    else message.error(job.error?.message ?? t('orders_checkFailed', name));
  };

  return {
    check,
    busy: (id) => running.some((r) => id === undefined || r.storeId === id),
    watchers: running.map((r) => <Watch key={r.jobId} jobId={r.jobId} onEnd={(job, err) => ended(r.storeId, r.jobId, job, err)} />),
  };
}

interface Props {
  /** Every store; only those whose orders are followed can be checked. */
  stores: StoreView[];
  checks: OrderChecks;
  /** Check this store only (a plain button); otherwise a menu: one store or all of them. */
  storeId?: number;
  size?: 'small' | 'middle';
  type?: 'default' | 'link' | 'primary';
  /** A shorter label where the column is narrow (the Stores page). */
  short?: boolean;
}

export function CheckOrdersButton({ stores, checks, storeId, size = 'middle', type = 'default', short }: Props) {
  const followed = stores.filter(followsOrders);
  if (storeId !== undefined) {
    const store = stores.find((s) => s.id === storeId);
    const can = !!store && followsOrders(store);
    return (
      <Tooltip title={can ? undefined : t('orders_checkOff')}>
        <Button size={size} type={type} icon={<ReloadOutlined />} loading={checks.busy(storeId)} disabled={!can} onClick={() => void checks.check([storeId])} data-testid={`orders-check-${storeId}`}>
          {t(short ? 'orders_checkNowShort' : 'orders_checkNow')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Dropdown
      disabled={!followed.length}
      trigger={['click']}
      menu={{
        items: [
          ...(followed.length > 1 ? [{ key: 'all', label: <span data-testid="orders-check-all">{t('orders_checkAll', followed.length)}</span> }, { type: 'divider' as const }] : []),
          ...followed.map((s) => ({ key: String(s.id), label: <span data-testid={`orders-check-store-${s.id}`}>{storeLabel(s)}</span> })),
        ],
        onClick: ({ key }) => void checks.check(key === 'all' ? followed.map((s) => s.id) : [Number(key)]),
      }}
    >
      <Button size={size} type={type} icon={<ReloadOutlined />} loading={checks.busy()} data-testid="orders-check">
        {t('orders_checkNow')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
