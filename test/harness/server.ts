/**
 * The browser harness: the real main-process services under plain Node, the built renderer, and the IPC contract
 * over HTTP (requests) and Server-Sent Events (events) on 127.0.0.1. Same dispatcher and zod validation as Electron;
 * a per-run random token and Host/Origin checks keep other local pages and processes out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { dispatch } from '@core/ipc/dispatch';
import { createServices, type Services } from '@core/services';
import { acquireInstanceLock } from '@core/store/instance-lock';
import type { EventName, EventPayload } from '@shared/ipc/contract';
import { build } from 'esbuild';

import { createHarnessPlatform, type HarnessObservations } from './harness-platform';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const MAX_BODY = 1024 * 1024;
// The same version the desktop app reports (app.getVersion() reads package.json too).
const packageVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

export interface HarnessOptions {
  port?: number;
  dataDir: string;
  rendererDir?: string;
  /** Extra routes for tests (e.g. a stand-in portal page); return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  services: Services;
  observed: HarnessObservations;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

async function bundleBridge(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(here, 'bridge-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(text);
}

const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { ok: false, error: { code, message } });

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const rendererDir = opts.rendererDir ?? path.join(repoRoot, 'out/renderer');
  const indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${rendererDir}: run "npm run build" first.`);
  });
  // The bridge script must run before the app module, so it is a classic script placed ahead of it.
  const page = indexHtml.replace(
    '<script type="module"',
    '<script src="./harness-bridge.js"></script>\n    <script type="module"',
  );
  const bridgeJs = await bundleBridge();
  const token = randomBytes(24).toString('base64url');
  const sseClients = new Set<ServerResponse>();

  const broadcast = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const c of sseClients) c.write(frame);
  };
  // Two harnesses on one data dir would both write the store: the second one refuses to start (STORE_LOCKED).
  const lock = acquireInstanceLock(opts.dataDir);
  const { platform, observed } = createHarnessPlatform((w) => broadcast('windowOpened', w), { dataDir: opts.dataDir });
  const services = createServices({
    dataDir: opts.dataDir,
    platform,
    appInfo: () => ({
      name: 'Mailadapter Assistant',
      version: packageVersion,
      runtime: 'browser-harness',
      platform: process.platform,
      versions: { node: process.versions.node },
    }),
  });
  // As the desktop app does at start: every connection whose bridge is enabled listens again.
  void services.bridges.startAll().catch(() => undefined);

  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const tokenOk = (given: string | null | undefined) => {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('harness: request failed', err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'The harness could not answer this request.');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own loopback host names, and same-origin pages, may talk to us.
    if (!allowedHosts().has(req.headers.host ?? ''))
      return refuse(res, 403, 'FORBIDDEN_HOST', 'Unexpected Host header.');
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return refuse(res, 403, 'FORBIDDEN_ORIGIN', 'Requests from other origins are refused.');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST.');
      if (!tokenOk(req.headers['x-assistant-token'] as string | undefined)) {
        return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong harness token.');
      }
      const raw = await readBody(req);
      if (raw === undefined)
        return refuse(res, 413, 'INPUT_TOO_LARGE', `Request bodies are limited to ${MAX_BODY} bytes.`);
      let envelope: { input?: unknown; hasInput?: boolean };
      try {
        envelope = JSON.parse(raw) as typeof envelope;
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'INPUT_INVALID', message: 'The request body is not JSON.' },
        });
      }
      const input = envelope && typeof envelope === 'object' && envelope.hasInput ? envelope.input : undefined;
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      const result = await dispatch(services.handlers, channel, input, { emit: broadcast }, (err, ch) =>
        console.error(`harness: handler ${ch} failed`, err),
      );
      return sendJson(res, 200, result);
    }

    if (url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token')))
        return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong harness token.');
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname === '/__harness/state') {
      if (!tokenOk((req.headers['x-assistant-token'] as string | undefined) ?? url.searchParams.get('token'))) {
        return refuse(res, 401, 'UNAUTHORIZED', 'Missing or wrong harness token.');
      }
      return sendJson(res, 200, observed);
    }

    if (opts.extraRoutes && (await opts.extraRoutes(req, res, url))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Read-only.');

    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'Content-Type': MIME['.html']!, 'Cache-Control': 'no-store' });
      return void res.end(page);
    }
    if (url.pathname === '/harness-bridge.js') {
      res.writeHead(200, { 'Content-Type': MIME['.js']! });
      return void res.end(bridgeJs);
    }
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(rendererDir + path.sep)) return refuse(res, 403, 'FORBIDDEN_PATH', 'Outside the app folder.');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return refuse(res, 404, 'NOT_FOUND', 'No such file.');
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  }).catch(async (err: unknown) => {
    await services.dispose();
    lock.release();
    throw err;
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    services,
    observed,
    async close() {
      for (const c of sseClients) c.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await services.dispose();
      lock.release();
    },
  };
}
