import net from 'node:net';

/** A stand-in for a network thermal printer: a real TCP server on loopback that keeps the bytes. */
export async function startTcpCapture(): Promise<{ address: string; received: () => Buffer; close(): Promise<void> }> {
  const chunks: Buffer[] = [];
  const server = net.createServer((socket) => {
    socket.on('data', (d: Buffer) => chunks.push(d));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    address: `tcp://127.0.0.1:${port}`,
    received: () => Buffer.concat(chunks),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
