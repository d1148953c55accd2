/**
 * A refusal of the archive routes, answered in ActionTrail's error envelope
 * with the code the simulated account gives for the same case
 * (mocks/handlers/archive.ts), so the console reads both alike.
 */
export class ArchiveError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
