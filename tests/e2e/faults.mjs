// A test server for dist/ whose dataset request can be made to fail in the ways real networks
// and hosts fail: a slow first byte, no answer, a stall mid-body, a body cut off, an error status,
// a web page instead of the data, and bodies far too large. Everything else is served as is,
// with the deployment's headers (strict CSP).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TYPES, headersFor, siteHandler } from '../../scripts/site-server.mjs';

const DATA_PATH = '/data/list.json';
const MiB = 1024 * 1024;

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Whether the browser is still reading `res`. */
const open = (res) => !res.destroyed && !res.writableEnded && !res.closed;

/**
 * Writes a chunk and waits until the socket takes more (or closes), always yielding to the event
 * loop, so an endless body never starves the server once the browser has hung up.
 */
function send(res, chunk) {
  return new Promise((ok) => {
    if (res.write(chunk)) {
      setImmediate(ok);
    } else {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        ok();
      };
      res.on('drain', done);
      res.on('close', done);
    }
  });
}

/**
 * The faults, by name. Each gets the request, the response and the real dataset, and answers
 * (or, for the hanging ones, never finishes until the browser gives up).
 */
const FAULTS = {
  /** Answers normally after `delay` ms. */
  async slow(req, res, data, { delay = 1500 } = {}) {
    await sleep(delay);
    res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': data.length }).end(data);
  },
  /** Never sends a byte. */
  'no-answer': () => {},
  /** Sends the headers and half the body, then nothing more. */
  stall(req, res, data) {
    res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': data.length });
    res.write(data.subarray(0, data.length >> 1));
  },
  /** Announces the whole length, sends half, and drops the connection. */
  'cut-off'(req, res, data) {
    res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': data.length });
    res.write(data.subarray(0, data.length >> 1), () => res.destroy());
  },
  /** A complete HTTP answer whose JSON is cut in half (e.g. a partial file on the host). */
  'truncated-json'(req, res, data) {
    const half = data.subarray(0, data.length >> 1);
    res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': half.length }).end(half);
  },
  /** An error status. */
  status(req, res, data, { status = 500 } = {}) {
    res.writeHead(status, { 'content-type': 'text/plain' }).end(`error ${status}`);
  },
  /** A captive portal or block page: HTML with status 200. */
  'web-page'(req, res) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Sign in to Wi-Fi</title><h1>Accept the terms to continue</h1>');
  },
  /** A 50 MB body of junk labelled as JSON, sent over a few seconds (a pause every 4 MiB). */
  async big(req, res, data, { bytes = 50 * MiB, pauseMs = 200 } = {}) {
    res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': bytes });
    const chunk = Buffer.alloc(MiB, 'x');
    for (let sent = 0; sent < bytes && open(res); sent += MiB) {
      await send(res, chunk);
      if (sent % (4 * MiB) === 3 * MiB) await sleep(pauseMs);
    }
    res.end();
  },
  /** Announces 200 MiB: refused before any body is read. */
  'huge-length'(req, res) {
    res.writeHead(200, { 'content-type': TYPES['.json'], 'content-length': 200 * MiB });
    res.write('{"schema_version": 1, "people": [');
  },
  /** No length announced, and a body that never ends: refused when it passes the cap. */
  async endless(req, res) {
    res.writeHead(200, { 'content-type': TYPES['.json'] });
    const chunk = Buffer.alloc(MiB, ' ');
    while (open(res)) await send(res, chunk);
  },
};

/**
 * Serves `root` on 127.0.0.1 and a free port. `fault(name, options, times)` makes the next
 * `times` dataset requests (all of them when omitted) fail that way; `recover()` ends the fault.
 * `requests` counts dataset requests; `served` counts those answered in full and normally.
 */
export async function serveWithFaults(root) {
  const data = await readFile(join(root, DATA_PATH));
  const site = siteHandler(() => root);
  const state = { fault: null, options: {}, times: Infinity, requests: 0, served: 0 };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === DATA_PATH) {
      state.requests += 1;
      if (state.fault && state.times > 0) {
        state.times -= 1;
        await FAULTS[state.fault](req, res, data, state.options);
        return;
      }
      state.served += 1;
      res.writeHead(200, { ...headersFor(DATA_PATH), 'content-length': data.length }).end(data);
      return;
    }
    await site(req, res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() { return state.requests; },
    get served() { return state.served; },
    fault(name, options = {}, times = Infinity) {
      if (!FAULTS[name]) throw new Error(`no fault ${name}`);
      Object.assign(state, { fault: name, options, times });
    },
    recover() {
      Object.assign(state, { fault: null, options: {}, times: Infinity });
    },
    /** Resolves once `n` dataset requests have arrived in all. */
    async untilRequests(n, timeout = 30_000) {
      const end = Date.now() + timeout;
      while (state.requests < n) {
        if (Date.now() > end) throw new Error(`${state.requests} dataset requests, expected ${n}`);
        await sleep(20);
      }
    },
    close() {
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
}
