// Run the platform simulator: `tsx tests/simulator/cli.ts --port 4100 [--host 127.0.0.1] [--demo]`.
// --demo creates one demo shop per platform (seed 1) and prints their credentials as JSON.
import { createShop } from './shops.ts';
import { shopInfo } from './control.ts';
import { startSimulator } from './server.ts';
import { PLATFORMS } from './util.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

const port = Number(arg('port') ?? process.env.SIM_PORT ?? 4100);
const host = arg('host') ?? '127.0.0.1';
const sim = await startSimulator({ port, host });
console.log(`Shelfsync platform simulator listening on ${sim.url}`);
if (process.argv.includes('--demo')) {
  const shops = PLATFORMS.map((platform) => shopInfo(sim.state, createShop(sim.state, { platform, seed: 1, items: 25, variantsPerItem: platform === 'woocommerce' ? 1 : 2 })));
  console.log(JSON.stringify(shops, null, 2));
}
const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
