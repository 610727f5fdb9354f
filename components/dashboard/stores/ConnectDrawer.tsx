// Connect a store: pick the platform, then either authorize with the seller's own app (the
// background runs the platform's authorization window, `stores.authorize`) or paste the tokens
// they already have (`stores.connect`). Secrets are typed into password fields, sent once, and
// never shown again; the forms are destroyed with the drawer.
import { Alert, Button, Collapse, Drawer, Form, Input, Radio, Segmented, Select, Tabs, Typography, type InputProps } from 'antd';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { call, type CommandInput } from '@/lib/commands/client';
import { CommandError } from '@/lib/commands/errors';
import { t } from '@/lib/i18n';
import { originsToRequest, requestHosts } from './hosts';
import {
  APP_FIELDS, AUTHORIZE_HELP, CREDENTIAL_FIELDS, LAZADA_REGIONS, PASTE_HELP, PLATFORM_LABEL, PLATFORMS,
  WOO_KEY_FIELDS, WOO_PASSWORD_FIELDS, type FieldSpec, type Platform,
} from './platforms';
import type { StoreView } from './view';

export type ConnectTab = 'authorize' | 'paste';

export interface ConnectStart {
  platform: Platform;
  tab: ConnectTab;
  /** Re-authorizing this store (it needs authorization again). */
  store?: StoreView;
}

interface Props {
  open: boolean;
  start?: ConnectStart;
  onClose: () => void;
  onConnected: (store: StoreView) => void;
}

/** The URL the seller registers as their app's callback; null where the browser has none. */
export function redirectUrlOf(platform: Platform): string | null {
  try {
    return browser.identity.getRedirectURL(platform);
  } catch {
    return null;
  }
}

/** Which Advanced addresses mean something for a platform (the rest are not shown). */
const ADVANCED: Record<Platform, ('apiBaseUrl' | 'authBaseUrl' | 'authorizeBaseUrl')[]> = {
  shopee: ['apiBaseUrl'],
  lazada: ['apiBaseUrl', 'authBaseUrl'],
  tiktok: ['apiBaseUrl', 'authBaseUrl', 'authorizeBaseUrl'],
  shopify: ['apiBaseUrl'],
  woocommerce: [],
};
const ADVANCED_LABEL = { apiBaseUrl: 'stores_field_apiBaseUrl', authBaseUrl: 'stores_field_authBaseUrl', authorizeBaseUrl: 'stores_field_authorizeBaseUrl' } as const;

type Values = Record<string, unknown> & { credentials?: Record<string, unknown>; appCredentials?: Record<string, unknown> };

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v ? v : undefined;
}

function cleanGroup(group: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(group ?? {}).map(([k, v]) => [k, clean(v)]).filter((e): e is [string, string] => e[1] !== undefined));
}

type AuthorizeRequest = CommandInput<'stores.authorize'>;

/** The form's app fields (APP_FIELDS) in the shape `stores.authorize` takes for that platform; a
 *  field left empty is sent empty, so the refusal names it on the form. */
function authorizeRequest(platform: Platform, app: Record<string, string>, common: Omit<AuthorizeRequest, 'platform' | 'appCredentials'>): AuthorizeRequest {
  const f = (name: string) => app[name] ?? '';
  switch (platform) {
    case 'shopee':
      return { platform, appCredentials: { partnerId: f('partnerId'), partnerKey: f('partnerKey') }, ...common };
    case 'lazada':
      return { platform, appCredentials: { appKey: f('appKey'), appSecret: f('appSecret') }, ...common };
    case 'tiktok':
      return { platform, appCredentials: { appKey: f('appKey'), appSecret: f('appSecret'), serviceId: f('serviceId') }, ...common };
    case 'shopify':
      return { platform, appCredentials: { clientId: f('clientId'), clientSecret: f('clientSecret'), shopDomain: f('shopDomain') }, ...common };
    case 'woocommerce':
      return { platform, appCredentials: {}, ...common };
  }
}

/** `credentials.shopDomain` → ['credentials', 'shopDomain'] (the forms use the payload's own names). */
function fieldErrors(err: unknown): { name: string[]; errors: string[] }[] {
  if (!(err instanceof CommandError) || !Array.isArray(err.details)) return [];
  return (err.details as unknown[])
    .filter((d): d is { field: string; message?: string } => !!d && typeof d === 'object' && typeof (d as { field?: unknown }).field === 'string')
    .map((d) => {
      const text = d.message ?? err.message;
      return { name: d.field.split('.'), errors: [text.charAt(0).toUpperCase() + text.slice(1)] };
    });
}

/** Form.Item hands its child `id`, `value` and `onChange`: passed on to the input. */
function SecretOrText({ spec, testId, ...control }: { spec: FieldSpec; testId: string } & Omit<InputProps, 'type'>) {
  return spec.secret ? (
    <Input.Password {...control} visibilityToggle={false} autoComplete="new-password" placeholder={spec.placeholder} data-testid={testId} />
  ) : (
    <Input {...control} autoComplete="off" placeholder={spec.placeholder} data-testid={testId} />
  );
}

function Fields({ group, specs }: { group: 'credentials' | 'appCredentials'; specs: FieldSpec[] }) {
  return (
    <>
      {specs.map((spec) => (
        <Form.Item key={spec.name} name={[group, spec.name]} label={t(spec.label)} rules={[{ required: true, whitespace: true, message: t('stores_required') }]}>
          <SecretOrText spec={spec} testId={`connect-${group}-${spec.name}`} />
        </Form.Item>
      ))}
    </>
  );
}

function Advanced({ platform, open, onOpen }: { platform: Platform; open: boolean; onOpen: (o: boolean) => void }) {
  const keys = ADVANCED[platform];
  if (!keys.length) return null;
  return (
    <Collapse
      size="small"
      ghost
      activeKey={open ? ['advanced'] : []}
      onChange={(k) => onOpen((Array.isArray(k) ? k : [k]).includes('advanced'))}
      items={[{
        key: 'advanced',
        label: t('stores_advanced'),
        forceRender: true,
        children: (
          <>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('stores_advancedHelp')}</Typography.Paragraph>
            {keys.map((k) => (
              <Form.Item key={k} name={k} label={t(ADVANCED_LABEL[k])}>
                <Input autoComplete="off" placeholder="https://…" data-testid={`connect-${k}`} />
              </Form.Item>
            ))}
          </>
        ),
      }]}
    />
  );
}

function RegionField({ platform, tab }: { platform: Platform; tab: ConnectTab }) {
  if (platform === 'lazada') {
    return (
      <Form.Item name="region" label={t('stores_field_lazadaRegion')} initialValue="sg" rules={[{ required: true, message: t('stores_required') }]}>
        <Select options={LAZADA_REGIONS.map((r) => ({ value: r, label: t(`stores_region_${r}`) }))} data-testid="connect-region" />
      </Form.Item>
    );
  }
  if (platform === 'tiktok' && tab === 'authorize') {
    return (
      <Form.Item name="region" label={t('stores_field_tiktokRegion')} initialValue="">
        <Select options={[{ value: '', label: t('stores_region_global') }, { value: 'us', label: t('stores_region_us') }]} data-testid="connect-region" />
      </Form.Item>
    );
  }
  return null;
}

function ConnectForm({ platform, tab, store, onConnected }: { platform: Platform; tab: ConnectTab; store?: StoreView; onConnected: (s: StoreView) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [wooMode, setWooMode] = useState<'keys' | 'password'>('keys');
  const authorize = tab === 'authorize';
  const specs = authorize ? APP_FIELDS[platform] : platform === 'woocommerce' ? (wooMode === 'keys' ? WOO_KEY_FIELDS : WOO_PASSWORD_FIELDS) : CREDENTIAL_FIELDS[platform];

  function submit() {
    // Synchronously, inside the click: Chrome only grants a host during the user's gesture.
    const raw = form.getFieldsValue(true) as Values;
    const asked = requestHosts(originsToRequest(platform, { apiBaseUrl: clean(raw.apiBaseUrl), authBaseUrl: clean(raw.authBaseUrl) }));
    void send(asked);
  }

  async function send(asked: Promise<boolean>) {
    setRefusal(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (!(await asked)) {
        setRefusal(t('stores_hostDeclined'));
        return;
      }
      const endpoints = {
        apiBaseUrl: clean(values.apiBaseUrl),
        authBaseUrl: clean(values.authBaseUrl),
        authorizeBaseUrl: clean(values.authorizeBaseUrl),
      };
      // Re-authorizing names the store, so the same store gets the new credentials.
      const common = { name: clean(values.name), region: clean(values.region), ...endpoints, storeId: store?.id };
      const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
      const saved = authorize
        ? await call('stores.authorize', defined(authorizeRequest(platform, cleanGroup(values.appCredentials), common)))
        : await call('stores.connect', defined({ platform, ...common, name: common.name ?? '', credentials: cleanGroup(values.credentials) }));
      form.resetFields();
      onConnected(saved);
    } catch (err) {
      // A refusal naming fields of this form goes on them; anything else is said above the button.
      const named = fieldErrors(err);
      const group = authorize ? 'appCredentials' : 'credentials';
      const onFormNames = new Set([...specs.map((s) => `${group}.${s.name}`), 'name', 'region', ...(platform === 'woocommerce' ? ['apiBaseUrl'] : []), ...ADVANCED[platform]]);
      const onForm = named.filter((n) => onFormNames.has(n.name.join('.')));
      if (onForm.length) {
        if (onForm.some((n) => (ADVANCED[platform] as string[]).includes(n.name[0]!))) setAdvancedOpen(true);
        form.setFields(onForm);
      }
      if (onForm.length !== named.length || !named.length) setRefusal(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const redirect = redirectUrlOf(platform);
  const platformName = t(PLATFORM_LABEL[platform]);

  return (
    <Form form={form} layout="vertical" requiredMark="optional" preserve={false} data-testid={`connect-form-${tab}`}>
      {authorize ? (
        <>
          {platform !== 'woocommerce' || redirect ? (
            <div style={{ background: '#f6f8f8', border: '1px solid #e3eaea', borderRadius: 4, padding: '10px 12px', marginBottom: 16 }}>
              <Typography.Text strong>{platform === 'woocommerce' ? t('stores_redirectWoo') : t('stores_redirectTitle')}</Typography.Text>
              {redirect ? (
                <Typography.Paragraph copyable={{ text: redirect, tooltips: [t('stores_copy'), t('stores_copied')] }} code style={{ margin: '6px 0 0', wordBreak: 'break-all' }} data-testid="connect-redirect-url">
                  {redirect}
                </Typography.Paragraph>
              ) : (
                <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>{t('stores_redirectUnavailable')}</Typography.Paragraph>
              )}
            </div>
          ) : null}
          <ol style={{ paddingInlineStart: 20, margin: '0 0 16px', color: 'rgba(0,0,0,0.65)' }} data-testid="connect-help">
            {AUTHORIZE_HELP[platform].map((k) => <li key={k} style={{ marginBottom: 4 }}>{t(k)}</li>)}
          </ol>
        </>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="connect-help">{t(PASTE_HELP[platform])}</Typography.Paragraph>
      )}

      <Form.Item
        name="name"
        label={t('stores_field_name')}
        initialValue={store?.name}
        rules={[{ required: true, whitespace: true, message: t('stores_required') }]}
      >
        <Input maxLength={100} autoComplete="off" placeholder={t('stores_namePlaceholder', platformName)} data-testid="connect-name" />
      </Form.Item>

      {platform === 'woocommerce' && (
        <Form.Item name="apiBaseUrl" label={t('stores_field_siteUrl')} extra={t('stores_siteUrlHelp')} rules={[{ required: true, whitespace: true, message: t('stores_required') }]}>
          <Input autoComplete="off" placeholder="https://shop.example.com" data-testid="connect-apiBaseUrl" />
        </Form.Item>
      )}

      {platform === 'woocommerce' && !authorize && (
        <Form.Item label={t('stores_wooMode')}>
          <Radio.Group value={wooMode} onChange={(e) => setWooMode(e.target.value as 'keys' | 'password')} data-testid="connect-woo-mode">
            <Radio value="keys">{t('stores_wooKeys')}</Radio>
            <Radio value="password">{t('stores_wooPassword')}</Radio>
          </Radio.Group>
        </Form.Item>
      )}

      <Fields group={authorize ? 'appCredentials' : 'credentials'} specs={specs} />
      <RegionField platform={platform} tab={tab} />
      <Advanced platform={platform} open={advancedOpen} onOpen={setAdvancedOpen} />

      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="connect-error" />}

      <Button type="primary" onClick={submit} loading={busy} block data-testid={`connect-submit-${tab}`}>
        {authorize ? t('stores_authorizeWith', platformName) : t('stores_connect')}
      </Button>
      {authorize && <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>{t('stores_authorizeNote')}</Typography.Paragraph>}
    </Form>
  );
}

export function ConnectDrawer({ open, start, onClose, onConnected }: Props) {
  const [platform, setPlatform] = useState<Platform>(start?.platform ?? 'shopee');
  const [tab, setTab] = useState<ConnectTab>(start?.tab ?? 'authorize');
  const [lastStart, setLastStart] = useState(start);
  // A new start (another row's Re-authorize) picks its platform and tab.
  if (start !== lastStart) {
    setLastStart(start);
    if (start) {
      setPlatform(start.platform);
      setTab(start.tab);
    }
  }
  const reauth = start?.store;

  return (
    <Drawer
      title={reauth ? t('stores_reauthorizeTitle', reauth.name) : t('stores_connectTitle')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      <div data-testid="connect-drawer">
      {reauth && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('stores_reauthorizeWhy', reauth.name)}
          description={reauth.statusReason ?? undefined}
        />
      )}
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>{t('stores_choosePlatform')}</Typography.Text>
      <Segmented<Platform>
        block
        value={platform}
        onChange={(p) => setPlatform(p)}
        options={PLATFORMS.map((p) => ({ value: p, label: <span data-testid={`connect-platform-${p}`}>{t(PLATFORM_LABEL[p])}</span> }))}
        style={{ marginBottom: 16 }}
        disabled={!!reauth}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as ConnectTab)}
        items={[
          { key: 'authorize', label: t('stores_tabAuthorize'), children: <ConnectForm key={`authorize-${platform}`} platform={platform} tab="authorize" store={reauth} onConnected={onConnected} /> },
          { key: 'paste', label: t('stores_tabPaste'), children: <ConnectForm key={`paste-${platform}`} platform={platform} tab="paste" store={reauth} onConnected={onConnected} /> },
        ]}
      />
      </div>
    </Drawer>
  );
}
