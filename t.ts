import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
let t=Date.now();
const p = new PGlite({ extensions: { pg_trgm } }); await p.waitReady; console.log('mem init', Date.now()-t);
await p.exec('create extension pg_trgm'); 
t=Date.now(); const dump = await p.dumpDataDir('none'); console.log('dump', Date.now()-t, dump.size);
t=Date.now(); const q = new PGlite({ loadDataDir: dump, extensions: { pg_trgm } }); await q.waitReady; console.log('load', Date.now()-t);
console.log((await q.query("select similarity('abc','abd') s")).rows);
