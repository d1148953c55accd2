import { afterEach, describe, expect, it, vi } from "vitest";
import { workerJobs, type WorkerReply } from "./worker-jobs";

type Listener = (event: { data: unknown }) => void;

/** A stand-in worker: records the jobs posted to it; the test answers them. */
class FakeWorker {
  posted: { id: number; job: number }[] = [];
  listeners: Record<string, Listener[]> = {};
  addEventListener(type: string, listener: Listener) {
    (this.listeners[type] ??= []).push(listener);
  }
  postMessage(message: { id: number; job: number }) {
    this.posted.push(message);
  }
  reply(data: WorkerReply<string, number>) {
    for (const l of this.listeners.message ?? []) l({ data });
  }
  crash() {
    for (const l of this.listeners.error ?? []) l({ data: undefined });
  }
}

afterEach(() => vi.unstubAllGlobals());

describe("workerJobs", () => {
  it("runs the job here, partial results included, where there is no Worker", async () => {
    vi.stubGlobal("Worker", undefined);
    const run = workerJobs<number, string, number>({
      create: () => {
        throw new Error("no worker here");
      },
      runHere: (job, report) => {
        report(job / 2);
        return `done ${job}`;
      },
      failure: "failed",
    });
    const partials: number[] = [];
    await expect(run(8, (p) => partials.push(p))).resolves.toBe("done 8");
    expect(partials).toEqual([4]);
  });

  it("matches replies to their jobs by id and passes partial results on", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const fake = new FakeWorker();
    const create = vi.fn(() => fake as unknown as Worker);
    const run = workerJobs<number, string, number>({
      create,
      runHere: () => "here",
      failure: "failed",
    });
    const partials: number[] = [];
    const first = run(1, (p) => partials.push(p));
    const second = run(2);
    expect(create).toHaveBeenCalledTimes(1);
    const [a, b] = fake.posted;
    fake.reply({ id: b!.id, result: "two" });
    fake.reply({ id: a!.id, partial: 50 });
    fake.reply({ id: a!.id, error: "bad input" });
    await expect(second).resolves.toBe("two");
    await expect(first).rejects.toThrow("bad input");
    expect(partials).toEqual([50]);
  });

  it("fails every waiting job when the worker dies, and starts a new one for the next", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const workers: FakeWorker[] = [];
    const run = workerJobs<number, string>({
      create: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      runHere: () => "here",
      failure: "The chart worker failed.",
    });
    const waiting = [run(1), run(2)];
    workers[0]!.crash();
    for (const job of waiting)
      await expect(job).rejects.toThrow("The chart worker failed.");
    const next = run(3);
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: workers[1]!.posted[0]!.id, result: "three" });
    await expect(next).resolves.toBe("three");
  });
});
