// `npm run test:busy`: the whole test suite (`npm test`) run beside one CPU-bound process per core, as on a
// shared CI machine. A test that passes only on an idle machine fails here. Each load process is bounded: it stops
// when the suite ends, and on its own after BUSY_MAX_MINUTES (default 90) if it is ever orphaned.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const cores = availableParallelism();
const maxMinutes = Number(process.env.BUSY_MAX_MINUTES ?? 90);
// A tight arithmetic loop that checks its deadline every few million iterations.
const burn = `
const end = Date.now() + ${maxMinutes} * 60_000;
let x = 0;
while (Date.now() < end) for (let i = 0; i < 5e6; i++) x = (x * 1103515245 + 12345) % 2147483648;
`;
const burners = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', burn], { stdio: 'ignore' }),
);
const stopBurners = () => {
  for (const b of burners) if (b.exitCode === null) b.kill('SIGKILL');
};
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopBurners();
    process.exit(130);
  });
}

console.error(`test:busy: ${cores} CPU-bound load process(es) started; running npm test beside them`);
const started = Date.now();
const suite = spawn('npm', ['test'], { stdio: 'inherit' });
suite.on('exit', (code, signal) => {
  stopBurners();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.error(`test:busy: npm test ${code === 0 ? 'passed' : 'failed'} under load in ${minutes} min`);
  process.exit(code ?? (signal ? 1 : 0));
});
