// One-off data conversion: turns the data-only `configs/*.js` modules of ADL's LRS
// conformance suite into JSON next to the Python runner. It evaluates only the config
// literals (no mocha, no HTTP); helper.generateUUID() is kept as the marker "__UUID__"
// that templates.py replaces with a fresh uuid4 each time a case is built.
// usage: node tools/configs_to_json.js <suite>/test/v2_0/configs data/v2_0/configs
const fs = require('fs'), path = require('path');
const [src, dst] = process.argv.slice(2);
fs.mkdirSync(dst, {recursive: true});
for (const f of fs.readdirSync(src).filter(f => f.endsWith('.js')).sort()) {
  const code = fs.readFileSync(path.join(src, f), 'utf8');
  const mod = {exports: {}};
  new Function('module', 'require', code)(mod, () => ({generateUUID: () => '__UUID__'}));
  const cfg = mod.exports.config();
  const out = cfg.map(g => ({name: g.name, config: g.config.map(c => {
    const o = {name: c.name, expect: c.expect};
    if (c.templates) o.templates = c.templates; else o.json = c.json;
    return o;
  })}));
  // undefined values would be silently dropped by JSON: refuse them
  JSON.stringify(out, (k, v) => { if (v === undefined || typeof v === 'function') throw new Error(f + ': ' + k); return v; });
  fs.writeFileSync(path.join(dst, f.replace(/\.js$/, '.json')), JSON.stringify(out, null, 1) + '\n');
  console.log(f, cfg.reduce((n, g) => n + g.config.length, 0));
}
