/** Whether a process with this pid exists (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sends SIGTERM, then SIGKILL if the process is still there after `timeoutMs`. */
export async function terminate(pid: number, timeoutMs = 30_000): Promise<void> {
  if (!processAlive(pid)) {
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid) && Date.now() < deadline) {
    await new Promise((resolveLater) => setTimeout(resolveLater, 100));
  }
  if (processAlive(pid)) {
    process.kill(pid, 'SIGKILL');
  }
}
