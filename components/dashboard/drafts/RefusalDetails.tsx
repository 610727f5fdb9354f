// The platform's own words behind a refusal sentence, folded away under "Details": what support
// (or the platform's documentation) needs, without putting API text in front of the seller.
import { Collapse, Typography } from 'antd';
import { t } from '@/lib/i18n';

export function RefusalDetails({ details, testId }: { details: string | null | undefined; testId: string }) {
  if (!details) return null;
  return (
    <Collapse
      ghost
      size="small"
      data-testid={testId}
      items={[{
        key: 'details',
        label: t('draft_refusalDetails'),
        children: <Typography.Text code copyable style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={`${testId}-text`}>{details}</Typography.Text>,
      }]}
    />
  );
}
