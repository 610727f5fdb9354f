// A simulator that outlives a bench run, for measuring again without generating the world again
// (a full-scale world takes ~15 min to download and push once): the shops live in this process,
// the extension's side in the browser profile `--keep <dir>` keeps.
//
//   npx tsx tests/bench/simServer.ts [port]          # prints its URL; stop it with Ctrl-C
//   BENCH_SIM_URL=<url> flock /tmp/shelfsync-e2e.lock npm run bench -- sync --scale full --keep <dir>
//
// The first such run generates the world into <dir>; later ones (same simulator still running)
// reuse it. A simulator restarted since has lost the shops: delete <dir> and generate again.
import { startSimulator } from '../simulator/server';

const port = Number(process.argv[2] ?? 0);
const sim = await startSimulator({ port });
console.log(sim.url);
const stop = () => void sim.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
