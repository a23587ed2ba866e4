/**
 * The node flags the gateway is launched with, by `npm start` (package.json) and by the image (Dockerfile); the
 * benchmark launches it the same way. A test keeps the three in step.
 *
 * `--max-semi-space-size=8` (MB): V8's default lets the young generation grow to 16 MB per semi-space. A request
 * allocates about 70 KB, so at 1,000 req/s young collections came every ~150 ms and each paused the event loop for
 * about 2.2 ms (median). At 8 MB they come twice as often, pause about 1.1–1.3 ms, and take the same CPU in all (the
 * survivors, the requests in flight, are what a collection copies), and the committed heap is ~17 MB smaller. At 4 MB
 * collections cost more in all (more objects are promoted), so 8 is the knee. It cannot be set once the process runs.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
