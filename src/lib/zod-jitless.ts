import { z } from "zod";

/**
 * The console runs under a Content-Security-Policy without 'unsafe-eval', so
 * zod's JIT can never run; without this, zod probes `new Function` while each
 * object schema is built and the browser reports a CSP violation. Imported
 * first by main.tsx, before any schema module is evaluated.
 */
z.config({ jitless: true });
