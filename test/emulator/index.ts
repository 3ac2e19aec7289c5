/**
 * KIE emulator: a loopback HTTP server that behaves like api.kie.ai (+ the File Upload API and the
 * result CDN) for tests, benchmarks, the e2e suite and the offline sandbox. See README.md.
 */
export * from './types';
export { startEmulator } from './server';
export { signCallback } from './callbacks';
export { DEFAULT_API_KEY } from './state';
