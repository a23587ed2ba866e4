import { setFlagsFromString } from 'node:v8';

/**
 * Under fast allocation V8 lets the old generation grow up to four times what survived the last full collection
 * before collecting again, and that head-room was most of the gateway's resident memory under load. Growth is capped
 * at 1.5× instead: at 64 connections peak RSS went from about 290–340 MB to about 190 MB, throughput unchanged
 * (docs/benchmarks.md). V8 reads the factor at every collection, so setting it at start-up is enough; a
 * --heap-growing-percent given to node itself wins.
 */
if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=50');
