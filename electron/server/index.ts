import { restartWithMallocTunables } from './malloc-tunables'

// Browser mode's entry. The restart under glibc's tunables comes before the app's modules are loaded, so a
// start does not load them twice (that cost ~140 ms); the server itself is in start.ts.
restartWithMallocTunables()
void import('./start').then(({ runServer }) => runServer(process.argv.slice(2), __dirname))
