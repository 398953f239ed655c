// The embed journeys' host page, served on two origins other than the lab's
// (SPTLAB_HOST_PORT and the port after it), so the frame is cross-origin.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const app = `http://127.0.0.1:${process.env.SPTLAB_PORT ?? 4173}`;
const first = Number(process.env.SPTLAB_HOST_PORT ?? 4174);
const page = readFileSync(new URL('./host.html', import.meta.url), 'utf8').replaceAll('APP_ORIGIN', app);

for (const port of [first, first + 1]) {
  createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else if (path === '/host.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }).listen(port, '127.0.0.1');
}
