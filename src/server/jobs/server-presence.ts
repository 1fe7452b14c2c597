// SPDX-License-Identifier: MIT
/**
 * A server's presence in the store it shares with other servers: it registers an identity, writes a heartbeat,
 * and takes over the runs and trials of servers that stopped heartbeating (crashed, killed, cut off). Every
 * takeover is a compare-and-set in the store, so each job goes to one server; every status write of a job is
 * conditional on its owner, so a server that was declared gone and comes back writes nothing for the jobs it lost,
 * and stops working on them at its next heartbeat.
 */
import { hostname } from 'node:os';
import type { RunRecord, Store, TrialRecord } from '../../store/index.js';

/** The part of the run queue the presence drives. */
export interface AdoptingQueue {
  readonly serverId: string;
  adopt(record: RunRecord): void;
  abandon(ids: Iterable<string>): void;
  ownedRunIds(): string[];
}

/** The part of the trial runner the presence drives. */
export interface AdoptingTrialRunner {
  adopt(record: TrialRecord): void;
  abandon(ids: Iterable<string>): void;
  ownedIds(): string[];
}

/** Timing of heartbeats and what counts as gone. */
export interface PresenceOptions {
  /** Time between two heartbeats, ms (default 5 s). */
  readonly heartbeatMs?: number;
  /**
   * A server silent for longer than this is gone and its jobs are taken over, ms (default 30 s). It must be a
   * few heartbeats long, so a server under load or a short network hiccup does not lose its jobs.
   */
  readonly leaseMs?: number;
  /** How often a job may be started before a server vanishing under it marks it failed (default 3). */
  readonly maxStarts?: number;
  /** Errors of the heartbeat itself (the database is unreachable, …); the presence keeps trying. */
  readonly onError?: (error: unknown) => void;
  /** Told what was taken over from servers that are gone. */
  readonly onTakeover?: (event: { runs: number; trials: number; failed: number }) => void;
}

/** Defaults of {@link PresenceOptions}. */
export const PRESENCE_DEFAULTS = { heartbeatMs: 5000, leaseMs: 30_000, maxStarts: 3 } as const;

/** One server's identity, heartbeat and takeover of the jobs of servers that are gone. */
export class ServerPresence {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  /** When a heartbeat last failed (or this server was found declared gone); takeovers wait a lease after it. */
  private lastTroubleMs = Number.NEGATIVE_INFINITY;
  private readonly heartbeatMs: number;
  private readonly leaseMs: number;
  private readonly label: string;

  constructor(
    private readonly store: Store,
    private readonly runs: AdoptingQueue,
    private readonly trials: AdoptingTrialRunner,
    private readonly options: PresenceOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? PRESENCE_DEFAULTS.heartbeatMs;
    this.leaseMs = options.leaseMs ?? PRESENCE_DEFAULTS.leaseMs;
    if (!(this.leaseMs > this.heartbeatMs)) {
      throw new RangeError(
        `the lease (${this.leaseMs} ms) must be longer than the heartbeat (${this.heartbeatMs} ms)`,
      );
    }
    this.label = `${hostname()} pid ${process.pid}`;
  }

  /** This server's identity. */
  get serverId(): string {
    return this.runs.serverId;
  }

  /**
   * Registers this server, takes over what servers that are gone left unfinished, and starts the heartbeat.
   * @throws when the store cannot be written (the server should not start then).
   */
  async start(): Promise<void> {
    await this.store.servers.register(this.serverId, this.label);
    await this.takeOver();
    this.timer = setInterval(() => void this.tick(), this.heartbeatMs);
    this.timer.unref();
  }

  /** Stops the heartbeat (the caller then stops its jobs and calls {@link leave}). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /** Removes this server from the store, after its jobs were stopped. */
  async leave(): Promise<void> {
    await this.store.servers.remove(this.serverId);
  }

  /** One heartbeat, then the checks it allows; a tick still going when the next is due makes that one a no-op. */
  tick(): Promise<void> {
    this.ticking ??= this.beat()
      .catch((error: unknown) => {
        this.lastTroubleMs = Date.now();
        this.options.onError?.(error);
      })
      .finally(() => {
        this.ticking = undefined;
      });
    return this.ticking;
  }

  private async beat(): Promise<void> {
    if (!(await this.store.servers.heartbeat(this.serverId))) {
      // Declared gone while it could not write its heartbeat: it registers again, and keeps only the jobs no
      // other server took over meanwhile (the check below).
      this.lastTroubleMs = Date.now();
      await this.store.servers.register(this.serverId, this.label);
    }
    await this.dropLostJobs();
    // After trouble, every other server gets a whole lease to write its own heartbeat again before this one
    // judges them: a database outage silences all servers at once.
    if (Date.now() - this.lastTroubleMs >= this.leaseMs) await this.takeOver();
  }

  /** Stops working on jobs cancelled through another server or taken over by one. */
  private async dropLostJobs(): Promise<void> {
    const runIds = this.runs.ownedRunIds();
    const ownedRuns = await this.store.runs.ownedActive(this.serverId, runIds);
    this.runs.abandon(runIds.filter((id) => !ownedRuns.has(id)));
    const trialIds = this.trials.ownedIds();
    const ownedTrials = await this.store.trials.ownedActive(this.serverId, trialIds);
    this.trials.abandon(trialIds.filter((id) => !ownedTrials.has(id)));
  }

  /** Removes the servers that are gone and takes over their active jobs (and any job no server owns). */
  private async takeOver(): Promise<void> {
    await this.store.servers.removeGone(this.leaseMs);
    const maxStarts = this.options.maxStarts ?? PRESENCE_DEFAULTS.maxStarts;
    const runs = await this.store.runs.adoptOrphans(this.serverId, maxStarts);
    const trials = await this.store.trials.adoptOrphans(this.serverId, maxStarts);
    for (const id of runs.adopted) {
      const run = await this.store.runs.get(id);
      if (run) this.runs.adopt(run);
    }
    for (const id of trials.adopted) {
      const trial = await this.store.trials.get(id);
      if (trial) this.trials.adopt(trial);
    }
    const failed = runs.failed.length + trials.failed.length;
    if (runs.adopted.length + trials.adopted.length + failed > 0) {
      this.options.onTakeover?.({ runs: runs.adopted.length, trials: trials.adopted.length, failed });
    }
  }
}
