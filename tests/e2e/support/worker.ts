// Stops the extension's service worker through the DevTools protocol (Target.closeTarget), as
// Chrome does to an idle worker or one past its time limit.
import type { LaunchedExtension } from './extension';

export async function stopServiceWorker(ext: LaunchedExtension): Promise<void> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
    if (!worker) throw new Error('no service worker target to stop');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
