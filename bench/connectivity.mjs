// Times connectivity generation alone: Erdős–Rényi with 10⁷ expected synapses (N = 10000, p = 1000/9999).
import { RandomStreams, erdosRenyi, synapseCount } from '../dist/src/index.js';

const size = 10000;
const started = performance.now();
const csr = erdosRenyi(size, 1000 / (size - 1), new RandomStreams(0).stream('connectivity'));
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ simulation_wall_s: seconds, synapses: synapseCount(csr), peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
