// reference.mjs — fsrs-rs (the npm package @open-spaced-repetition/binding)
// on the same review logs as rxplore: used by tests/fsrs/reference.sh and
// bench/.
//
//   node reference.mjs fit TRAIN.csv
//       prints fsrs-rs's 21 fitted parameters on one line, comma-separated,
//       and the time the fit took on stderr
//   node reference.mjs evaluate HELDOUT.csv W0,...,W20
//       prints "log_loss rmse_bins": fsrs-rs's own evaluation of W
//
// NODE_PATH-style lookup: the package is loaded from $FSRS_BINDING_DIR
// (a folder holding node_modules/) when set.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const base = process.env.FSRS_BINDING_DIR ?? process.cwd()
const require = createRequire(path.join(base, 'node_modules', 'x.js'))
const binding = require('@open-spaced-repetition/binding')

// The CSV's days are cut at 4 a.m. UTC, as rxplore cuts them by default.
function items(file) {
  return binding.convertCsvToFsrsItems(readFileSync(file), 4, 'UTC', () => 0)
}

const [command, file, weights] = process.argv.slice(2)
if (command === 'fit') {
  const train = items(file)
  const start = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  // timeout: how often the progress poller wakes; its default, 500 ms, would
  // be waited out at the end of every fit.
  const w = await binding.computeParameters(train, { enableShortTerm: true, timeout: 1 })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1e3
  console.log(w.join(','))
  console.error(`reference.mjs: fsrs-rs fitted ${train.length} items in ${ms.toFixed(1)} ms (${cpuMs.toFixed(1)} ms CPU)`)
} else if (command === 'evaluate') {
  const w = weights.split(',').map(Number)
  const m = new binding.FSRSBinding(w).evaluate(items(file))
  console.log(`${m.logLoss} ${m.rmseBins}`)
} else {
  console.error('usage: node reference.mjs fit TRAIN.csv | evaluate HELDOUT.csv W0,...,W20')
  process.exit(2)
}
