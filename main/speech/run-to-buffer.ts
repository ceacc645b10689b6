import { spawn } from 'node:child_process';

/**
 * Runs a synthesizer with the text on its standard input (never on its command line, where
 * another local user could read it, and where a text starting with "-" would be an option)
 * and collects its standard output. Rejects with the command's own words on failure.
 */
export function runToBuffer(command: string, args: string[], input: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs, windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${command} ended with ${signal ?? `code ${code}`}: ${Buffer.concat(err).toString().trim().slice(0, 300)}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
