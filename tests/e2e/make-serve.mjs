// Runs `make serve` as a developer does, on a free port, for the tests of the README's commands.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ROOT = new URL('../../', import.meta.url).pathname;

/** A port nobody listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/**
 * Starts `make serve` in its own process group (so stopping it stops make, node and any build
 * under them), with `env` added to the environment (make reads PORT and DATASET from it).
 * Returns { origin, output(), lines(pattern, count, minutes), stop() }.
 */
export async function makeServe(env = {}) {
  const port = await freePort();
  const child = spawn('make', ['serve'], {
    cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return {
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    /** Waits until the output has `count` lines matching `pattern`. */
    async lines(pattern, count = 1, minutes = 15) {
      const deadline = Date.now() + minutes * 60_000;
      while ((output.match(new RegExp(pattern.source, 'gm')) ?? []).length < count) {
        assert.equal(child.exitCode, null, `make serve stopped:\n${output.slice(-3000)}`);
        assert.ok(Date.now() < deadline, `no "${pattern.source}" (${count}) within ${minutes} minutes:\n${output.slice(-3000)}`);
        await new Promise((ok) => setTimeout(ok, 300));
      }
    },
    /** Stops it as Ctrl+C does; resolves with how it ended. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGINT');
      return exited;
    },
  };
}

/** The line `make serve` prints each time a build is served. */
export const SERVING = /^==> built in .* Serving the site on /;
