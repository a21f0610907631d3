/**
 * A benchmark participant in its own Node process (our server, the peer, the raw driver loop), so each one's
 * CPU and memory are its own and the load generator never shares its event loop. Messages go over Node's IPC
 * channel; requests are answered in order, one at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';

interface Message {
  type: string;
}

export class Child<To extends Message, From extends Message> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly name: string,
    private readonly process: ChildProcess,
    readonly ready: From,
  ) {}

  /**
   * Forks `script` with this process's loader flags plus --expose-gc (and V8's CPU profiler when
   * BENCH_CPU_PROFILE_DIR names a folder: .cpuprofile files per child and thread, written when it exits); resolves on its
   * 'ready' message.
   */
  static async start<To extends Message, From extends Message>(name: string, script: string, env: NodeJS.ProcessEnv): Promise<Child<To, From>> {
    const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
    const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    // Run under tsx (as `tsx`-started parents already are; vitest's workers are not).
    const loader = process.execArgv.some((arg) => arg.includes('tsx')) ? [] : ['--import', 'tsx'];
    const child = fork(script, { env, execArgv: [...process.execArgv, ...loader, '--expose-gc', ...profiling], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await new Promise<From>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${name} exited during start-up (code ${String(code)})`)));
      child.on('message', (message: From & { message?: string }) => {
        if (message.type === 'ready') resolve(message);
        if (message.type === 'failed') reject(new Error(`${name} failed to start: ${message.message ?? ''}`));
      });
    }).catch((error: unknown) => {
      child.kill('SIGTERM');
      throw error;
    });
    child.removeAllListeners('message');
    child.removeAllListeners('exit');
    return new Child<To, From>(name, child, ready);
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Sends `message` and resolves with the next reply whose type is one of `replies`. */
  request<R extends From>(message: To, replies: readonly string[]): Promise<R> {
    const exchange = () =>
      new Promise<R>((resolve, reject) => {
        const child = this.process;
        const onExit = (code: number | null) => reject(new Error(`${this.name} exited (code ${String(code)})`));
        if (child.exitCode !== null || child.signalCode !== null) return onExit(child.exitCode);
        const onMessage = (reply: From) => {
          if (!replies.includes(reply.type)) return;
          child.off('message', onMessage).off('exit', onExit);
          resolve(reply as R);
        };
        child.on('message', onMessage).once('exit', onExit);
        child.send(message);
      });
    const next = this.queue.then(exchange, exchange);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Asks the child to stop (it stops what it started) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}
