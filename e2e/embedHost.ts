/**
 * The embed journeys' host page: where it is served (origins other than the
 * lab's), and reading the messages the frame posted to it.
 */
import type { Page } from '@playwright/test';

export const APP = `http://127.0.0.1:${process.env.SPTLAB_PORT ?? 4173}`;
const hostPort = Number(process.env.SPTLAB_HOST_PORT ?? 4174);
export const HOST = `http://127.0.0.1:${hostPort}`;
/** A second host origin, left out of `origin=` to show the frame ignores it. */
export const STRANGER = `http://127.0.0.1:${hostPort + 1}`;

export type Event = Record<string, unknown> & { type: string };

export const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');

/** Opens the host page at `host` with the lab framed at `frame` (a path and hash on the lab's origin). */
export async function openHost(page: Page, frame: string, host = HOST): Promise<void> {
  await page.goto(`${host}/host.html?src=${encodeURIComponent(`${APP}${frame}`)}`);
}

/** How many messages the host page has received so far. */
export function seen(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { received: unknown[] }).received.length);
}

/** Every sptlab event of `type` the host received, in order. */
export function eventsOf(page: Page, type: string): Promise<Event[]> {
  return page.evaluate(
    (t) => (window as unknown as { received: { data: Event }[] }).received.map((m) => m.data).filter((d) => d !== null && typeof d === 'object' && d.app === 'sptlab' && d.type === t),
    type,
  );
}

/** Waits for an event of `type` received after the first `from` messages whose fields include `where`. */
export async function waitEvent(page: Page, from: number, type: string, where: Record<string, unknown> = {}): Promise<Event> {
  const handle = await page.waitForFunction(
    ([f, t, w]) => {
      const got = (window as unknown as { received: { data: Event }[] }).received.slice(f as number).map((m) => m.data);
      const hit = got.find((d) => d?.app === 'sptlab' && d.type === t && Object.entries(w as Record<string, unknown>).every(([k, v]) => JSON.stringify(d[k]) === JSON.stringify(v)));
      return hit ?? null;
    },
    [from, type, where] as const,
  );
  return (await handle.jsonValue()) as Event;
}

/** Posts a command to the frame from the host page. */
export function send(page: Page, message: unknown): Promise<void> {
  return page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);
}
