// Test build only ("Add demo store"): makes shops in the local demo marketplace (the platform
// simulator `npm start` runs) and connects them like a seller pasting credentials. The Stores page
// renders this behind `import.meta.env.MODE === 'test'`, so production has none of it.
import { Alert, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { createDemoShop, demoConnectPayload, DemoMarketplaceDown, DEMO_SHOP, DEMO_SIM_PORT } from '@/lib/demo/marketplace';
import { t } from '@/lib/i18n';
import { PLATFORM_LABEL, PLATFORMS, type Platform } from './platforms';

export function DemoStoreButton({ onAdded }: { onAdded: (names: string[]) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ExperimentOutlined />} onClick={() => setOpen(true)} data-testid="demo-add">
        {t('demo_add')}
      </Button>
      <DemoModal open={open} onClose={() => setOpen(false)} onAdded={onAdded} />
    </>
  );
}

interface Outcome { platform: Platform; ok: boolean; text: string }

function DemoModal({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (names: string[]) => void }) {
  const [chosen, setChosen] = useState<Platform[]>([...PLATFORMS]);
  const [busy, setBusy] = useState(false);
  const [down, setDown] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  async function add() {
    setBusy(true);
    setDown(false);
    setOutcomes([]);
    const done: Outcome[] = [];
    const added: string[] = [];
    try {
      for (const platform of chosen) {
        try {
          const shop = await createDemoShop(platform);
          const store = await call('stores.connect', demoConnectPayload(shop));
          added.push(store.name);
          done.push({ platform, ok: true, text: t('demo_connected', store.name) });
        } catch (err) {
          if (err instanceof DemoMarketplaceDown) {
            setDown(true);
            return;
          }
          done.push({ platform, ok: false, text: `${t(PLATFORM_LABEL[platform])}: ${err instanceof Error ? err.message : String(err)}` });
        }
        setOutcomes([...done]);
      }
    } finally {
      setBusy(false);
      if (added.length) onAdded(added);
    }
    if (done.every((o) => o.ok)) {
      setOutcomes([]);
      onClose();
    }
  }

  return (
    <Modal
      title={t('demo_title')}
      open={open}
      onCancel={onClose}
      onOk={add}
      okText={t('demo_ok')}
      cancelText={t('stores_cancel')}
      okButtonProps={{ disabled: !chosen.length, 'data-testid': 'demo-ok' } as never}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('demo_help', DEMO_SHOP.items, DEMO_SHOP.variantsPerItem)}</Typography.Paragraph>
      <Checkbox.Group<Platform>
        value={chosen}
        onChange={(v) => setChosen(v)}
        options={PLATFORMS.map((p) => ({ value: p, label: t(PLATFORM_LABEL[p]) }))}
        data-testid="demo-platforms"
      />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        {down && <Alert type="error" showIcon title={t('demo_notRunning', DEMO_SIM_PORT)} data-testid="demo-down" />}
        {outcomes.map((o) => (
          <Alert key={o.platform} type={o.ok ? 'success' : 'error'} showIcon title={o.text} />
        ))}
      </Space>
    </Modal>
  );
}
